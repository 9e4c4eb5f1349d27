import PadPage from './PadPage.tsx';

/** /staff/hotline-rating — 12345 代为评价: the agent records the rating a caller gives. */
export default function HotlineRatingPage() {
  return <PadPage hotline />;
}
