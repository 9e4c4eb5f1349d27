import dayjs from 'dayjs';

/** Date and time as the tables show them, in the browser's time zone. */
export const dateTime = (iso: string) => dayjs(iso).format('YYYY-MM-DD HH:mm');
export const date = (iso: string) => dayjs(iso).format('YYYY-MM-DD');
