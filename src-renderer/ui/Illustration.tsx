// A drawing with words for those who cannot see it. The drawings are not mirrored: they show Meta's pages,
// which keep their own layout.
export function Illustration({ src, alt, className }: { src: string; alt: string; className?: string }) {
  return <img className={['illustration', className ?? ''].filter(Boolean).join(' ')} src={src} alt={alt} />;
}
