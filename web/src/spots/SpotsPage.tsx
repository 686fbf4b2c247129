import { useEffect, useState } from "react";
import { Link, useNavigate } from "react-router";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { deleteSpot, listSpots, shareSpot, unshareSpot, updateSpot } from "../api/endpoints";
import type { SpotData, SpotDto } from "../api/types";
import { DEFAULT_STATE, encodeState } from "../equity/state";
import { encodeSetup, fromSpot, saveSetupToSession, setupSummary } from "../solver/setup";
import { solverJobUrl } from "../solver/path";
import { ErrorNotice } from "../ui/ErrorNotice";
import { readSpotData, setOpenSpot } from "./spotData";
import { spotSummary } from "./summary";

export default function SpotsPage() {
  const [search, setSearch] = useState("");
  const [query, setQuery] = useState("");
  useEffect(() => {
    document.title = "Spots — PLOSolver";
  }, []);
  useEffect(() => {
    const timer = setTimeout(() => setQuery(search.trim()), 250);
    return () => clearTimeout(timer);
  }, [search]);

  const navigate = useNavigate();
  const startNew = () => {
    setOpenSpot(null);
    navigate(`/?${encodeState(DEFAULT_STATE)}`);
  };

  // "tag:flop" searches tags, anything else the names.
  const tag = /^tag:(\S+)$/.exec(query)?.[1];
  const spots = useQuery({
    queryKey: ["spots", query],
    queryFn: ({ signal }) => listSpots(tag ? { tag, pageSize: 100 } : { q: query, pageSize: 100 }, signal),
    placeholderData: keepPreviousData,
  });

  return (
    <div className="page">
      <h1>Spots</h1>
      <div className="toolbar">
        <label htmlFor="spot-search" className="visually-hidden">
          Search spots
        </label>
        <input id="spot-search" type="search" placeholder="Search by name, or tag:flop" value={search} onChange={(e) => setSearch(e.target.value)} />
        <button type="button" onClick={startNew}>
          New spot in the calculator
        </button>
      </div>
      {spots.error && <ErrorNotice error={spots.error} onRetry={() => void spots.refetch()} />}
      {spots.isPending && <p className="muted">Loading…</p>}
      {spots.data && spots.data.items.length === 0 && (
        <p className="placeholder">
          {query ? "No spot matches." : <>No spots yet. Set up a hand in the <Link to="/">calculator</Link> and choose “Save spot…”.</>}
        </p>
      )}
      {spots.data && spots.data.items.length > 0 && (
        <ul className={`spot-list${spots.isPlaceholderData ? " stale" : ""}`}>
          {spots.data.items.map((spot) => (
            <SpotItem key={spot.id} spot={spot} />
          ))}
        </ul>
      )}
      {spots.data && spots.data.total > spots.data.items.length && <p className="muted">Showing the {spots.data.items.length} most recent of {spots.data.total}; search to narrow down.</p>}
    </div>
  );
}

function SpotItem({ spot }: { spot: SpotDto }) {
  const queries = useQueryClient();
  const navigate = useNavigate();
  const [renaming, setRenaming] = useState(false);
  const [name, setName] = useState(spot.name);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [copied, setCopied] = useState(false);
  const parsed = readSpotData(spot.data);
  const refresh = () => void queries.invalidateQueries({ queryKey: ["spots"] });

  const rename = useMutation({
    mutationFn: () => updateSpot(spot.id, { name: name.trim(), tags: spot.tags, data: spot.data as SpotData }),
    onSuccess: () => {
      setRenaming(false);
      refresh();
    },
  });
  const remove = useMutation({ mutationFn: () => deleteSpot(spot.id), onSuccess: refresh });
  const share = useMutation({ mutationFn: () => shareSpot(spot.id), onSuccess: refresh });
  const unshare = useMutation({ mutationFn: () => unshareSpot(spot.id), onSuccess: refresh });

  const open = () => {
    if (!parsed) return;
    setOpenSpot({ id: spot.id, name: spot.name, tags: spot.tags, notes: parsed.notes, kind: parsed.kind });
    if (parsed.kind === "equity") {
      navigate(`/?${encodeState(parsed.state)}`);
    } else if (parsed.jobId) {
      // The solution, with the setup kept for "Edit setup" should the job be gone.
      saveSetupToSession(fromSpot(parsed.input));
      navigate(solverJobUrl(parsed.jobId));
    } else {
      navigate(`/solver?${encodeSetup(fromSpot(parsed.input))}`);
    }
  };
  const link = spot.shareSlug ? `${window.location.origin}/shared/${spot.shareSlug}` : null;
  const copy = async () => {
    if (!link) return;
    try {
      await navigator.clipboard.writeText(link);
      setCopied(true);
      setTimeout(() => setCopied(false), 2000);
    } catch {
      // Clipboard refused (insecure context or permission): the link is on screen to select by hand.
    }
  };
  const error = rename.error ?? remove.error ?? share.error ?? unshare.error;

  return (
    <li className="spot panel">
      <div className="spot-head">
        {renaming ? (
          <form
            className="rename"
            onSubmit={(e) => {
              e.preventDefault();
              rename.mutate();
            }}
          >
            <label htmlFor={`rename-${spot.id}`} className="visually-hidden">
              New name
            </label>
            <input id={`rename-${spot.id}`} value={name} onChange={(e) => setName(e.target.value)} autoFocus required maxLength={200} />
            <button type="submit" className="small primary" disabled={rename.isPending}>
              Save
            </button>
            <button type="button" className="small" onClick={() => { setRenaming(false); setName(spot.name); }}>
              Cancel
            </button>
          </form>
        ) : (
          <h2 className="spot-name">{spot.name}</h2>
        )}
        <span className="muted small">updated {new Date(spot.updatedAt).toLocaleString()}</span>
      </div>
      <p className="spot-summary">{parsed ? (parsed.kind === "equity" ? spotSummary(parsed.state) : `Solver · ${setupSummary(fromSpot(parsed.input))}${parsed.jobId ? " · solved" : ""}`) : "A spot this version of the app cannot open."}</p>
      {parsed?.notes && <p className="spot-notes">{parsed.notes}</p>}
      {spot.tags.length > 0 && (
        <ul className="tags" aria-label="Tags">
          {spot.tags.map((t) => (
            <li key={t}>{t}</li>
          ))}
        </ul>
      )}
      {link && (
        <p className="share-link">
          <span className="muted small">Shared, read-only:</span> <a href={link}>{link}</a>{" "}
          <button type="button" className="small" onClick={() => void copy()}>
            {copied ? "Copied" : "Copy link"}
          </button>
        </p>
      )}
      {error && <ErrorNotice error={error} />}
      <div className="actions">
        <button type="button" className="primary small" onClick={open} disabled={!parsed}>
          Open
        </button>
        {!renaming && (
          <button type="button" className="small" onClick={() => setRenaming(true)}>
            Rename
          </button>
        )}
        {link ? (
          <button type="button" className="small" onClick={() => unshare.mutate()} disabled={unshare.isPending}>
            Stop sharing
          </button>
        ) : (
          <button type="button" className="small" onClick={() => share.mutate()} disabled={share.isPending}>
            Share
          </button>
        )}
        {confirmDelete ? (
          <span className="confirm" role="group" aria-label="Confirm delete">
            Delete “{spot.name}”?
            <button type="button" className="small danger" onClick={() => remove.mutate()} disabled={remove.isPending}>
              Delete
            </button>
            <button type="button" className="small" onClick={() => setConfirmDelete(false)}>
              Keep
            </button>
          </span>
        ) : (
          <button type="button" className="small" onClick={() => setConfirmDelete(true)}>
            Delete…
          </button>
        )}
      </div>
    </li>
  );
}
