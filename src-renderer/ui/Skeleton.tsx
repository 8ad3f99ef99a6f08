// Grey placeholders in the shape of what is loading, so the page does not jump when it arrives.
export function SkeletonLines({ lines }: { lines: number }) {
  return (
    <div className="skeleton" aria-hidden="true">
      {Array.from({ length: lines }, (_, index) => (
        <div key={index} className="skeleton__line" />
      ))}
    </div>
  );
}
