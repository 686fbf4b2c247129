import { Link } from "react-router";

export default function NotFoundPage() {
  return (
    <div className="page narrow">
      <h1>Page not found</h1>
      <p>
        There is nothing at this address. <Link to="/">Go to the equity calculator</Link>.
      </p>
    </div>
  );
}
