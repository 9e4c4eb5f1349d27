// Import-free, so the web app can share the type.
/** What the public may know about a service hall: where it is and when it opens. */
export interface HallRef {
  id: string;
  name: string;
  regionCode: string;
  regionName: string;
  address: string;
  phone: string;
  openingHours: string;
  /** WGS-84 degrees, null when not recorded. */
  latitude: number | null;
  longitude: number | null;
}
