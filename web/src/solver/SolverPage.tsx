import { useLocation, useSearchParams } from "react-router";
import { JobView } from "./JobView";
import { SetupView } from "./SetupView";
import "./solver.css";

/**
 * `/solver`: the setup form; `/solver?job=ID[&node=PATH]`: a solve job's progress and solution. The job and
 * node are routes (back and forward walk the tree); the setup is a copy of the form, replaced in place.
 */
export default function SolverPage() {
  const [params] = useSearchParams();
  const location = useLocation();
  const job = params.get("job");
  // A new navigation to the setup (Edit setup, a saved spot) starts the form from its URL.
  if (!job) return <SetupView key={location.key} />;
  return <JobView key={job} jobId={job} node={params.get("node") ?? ""} />;
}
