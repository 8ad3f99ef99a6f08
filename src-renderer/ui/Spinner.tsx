// A turning ring for work in progress; motion stops for people who asked their system for less of it.
import { Icon } from './Icon';

export function Spinner() {
  return <Icon name="spinner" className="spinner" />;
}
