import { useState, type FormEvent } from "react";
import { Link } from "react-router";
import { useQueryClient } from "@tanstack/react-query";
import { createSpot, updateSpot } from "../api/endpoints";
import { ApiError } from "../api/client";
import { ErrorNotice } from "../ui/ErrorNotice";
import type { SpotData } from "../api/types";
import { getOpenSpot, parseTags, setOpenSpot } from "./spotData";

interface Props {
  /** Which page saves: the open spot is only updated from its own page. */
  kind: "equity" | "solver";
  /** The spot's data with the notes typed here. */
  data: (notes: string) => SpotData;
  onClose: () => void;
}

/** Save the page as a spot (name, tags, notes); when opened from a spot, update it or save a copy. */
export function SaveSpotPanel({ kind, data, onClose }: Props) {
  const open = getOpenSpot(kind);
  const [name, setName] = useState(open?.name ?? "");
  const [tags, setTags] = useState(open?.tags.join(", ") ?? "");
  const [notes, setNotes] = useState(open?.notes ?? "");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const queries = useQueryClient();

  const save = async (asNew: boolean) => {
    setBusy(true);
    setError(null);
    try {
      const body = { name: name.trim(), tags: parseTags(tags), data: data(notes) };
      const spot = open && !asNew ? await updateSpot(open.id, body) : await createSpot(body);
      setOpenSpot({ id: spot.id, name: spot.name, tags: spot.tags, notes: notes.trim(), kind });
      setSaved(spot.name);
      void queries.invalidateQueries({ queryKey: ["spots"] });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void save(false);
  };
  const fieldError = (f: string) => (error instanceof ApiError ? error.field(f) : undefined);
  const tagError = error instanceof ApiError ? Object.entries(error.problem.errors ?? {}).find(([k]) => k.startsWith("tags"))?.[1].join("; ") : undefined;

  return (
    <form className="panel save-spot" onSubmit={submit} aria-label="Save spot">
      <h2>{open ? "Save spot" : "Save as a spot"}</h2>
      <label htmlFor="spot-name">Name</label>
      <input id="spot-name" value={name} onChange={(e) => setName(e.target.value)} required maxLength={200} aria-invalid={fieldError("name") ? true : undefined} aria-describedby="spot-name-msg" />
      <p className="field-msg error" id="spot-name-msg">{fieldError("name")}</p>
      <label htmlFor="spot-tags">Tags (comma separated)</label>
      <input id="spot-tags" value={tags} onChange={(e) => setTags(e.target.value)} placeholder="flop, double-board" aria-describedby="spot-tags-msg" />
      <p className="field-msg error" id="spot-tags-msg">{tagError}</p>
      <label htmlFor="spot-notes">Notes</label>
      <textarea id="spot-notes" value={notes} onChange={(e) => setNotes(e.target.value)} rows={3} />
      {error != null && !(error instanceof ApiError && error.status === 400) && <ErrorNotice error={error} what="Saving" onRetry={() => void save(false)} />}
      {saved && (
        <p className="notice ok" role="status">
          Saved “{saved}”. <Link to="/spots">See your spots</Link>
        </p>
      )}
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {open ? `Update “${open.name}”` : "Save"}
        </button>
        {open && (
          <button type="button" disabled={busy} onClick={() => void save(true)}>
            Save as new
          </button>
        )}
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </form>
  );
}
