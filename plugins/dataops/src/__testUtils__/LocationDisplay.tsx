import { useLocation } from 'react-router-dom';

/** Shows the current URL so tests can assert what a click navigated to. */
export function LocationDisplay() {
  const location = useLocation();
  return (
    <div data-testid="location">
      {location.pathname}
      {location.search}
      {location.hash}
    </div>
  );
}
