using System.Globalization;
using Verbatim.Ledger.Ingest;
using Verbatim.Ledger.Storage;

namespace Verbatim.Ledger.Queries;

/// <summary>
/// Corrections a person makes to the ledger. Speaker merges and splits pin the names involved
/// (speaker_names.pinned), so the next ingest of the same names follows the correction instead of
/// the matcher; forecast outcomes are kept by the forecast's key, so a reprocess keeps them.
/// </summary>
public sealed class LedgerEdits(LedgerStore store)
{
    /// <summary>Folds speaker <paramref name="from"/> into <paramref name="into"/>: its names, statements, figures and forecasts.</summary>
    public void MergeSpeakers(long into, long from)
    {
        if (into == from) throw new LedgerException("speakers merge: a speaker cannot be merged into itself");
        RequireSpeaker(into);
        RequireSpeaker(from);
        store.InTransaction(() =>
        {
            store.Execute("UPDATE speaker_names SET speaker_id = @to, pinned = 1 WHERE speaker_id = @from", ("@to", into), ("@from", from));
            store.Execute("UPDATE speaker_names SET pinned = 1 WHERE speaker_id = @to", ("@to", into));
            foreach (var table in new[] { "speaker_mentions", "statements", "claim_points", "forecasts" })
            {
                store.Execute($"UPDATE {table} SET speaker_id = @to WHERE speaker_id = @from", ("@to", into), ("@from", from));
            }
            store.Execute("DELETE FROM speakers WHERE id = @from", ("@from", from));
        });
    }

    /// <summary>
    /// Takes the name <paramref name="name"/> (as documents wrote it) away from speaker
    /// <paramref name="speakerId"/> into a new speaker of its own; returns the new speaker's id.
    /// </summary>
    public long SplitSpeaker(long speakerId, string name)
    {
        RequireSpeaker(speakerId);
        var keys = store.Query("SELECT DISTINCT name_key FROM speaker_mentions WHERE speaker_id = @s AND lower(name) = lower(@n)",
            r => r.GetString(0), ("@s", speakerId), ("@n", name));
        if (keys.Count == 0)
        {
            throw new LedgerException($"speakers split: speaker {speakerId} has no mention named '{name}'");
        }
        if (store.ScalarLong("SELECT COUNT(DISTINCT name_key) FROM speaker_mentions WHERE speaker_id = @s", ("@s", speakerId)) == keys.Count)
        {
            throw new LedgerException($"speakers split: '{name}' is the only name of speaker {speakerId}; nothing to split from");
        }
        return store.InTransaction(() =>
        {
            var type = (string)store.Scalar("SELECT type FROM speakers WHERE id = @s", ("@s", speakerId))!;
            var words = Identity.SpeakerMatcher.Fold(name).Split(' ', StringSplitOptions.RemoveEmptyEntries);
            long created = store.Insert("INSERT INTO speakers (name, type, surname, given, created_at) VALUES (@n, @t, @su, @g, @c) RETURNING id",
                ("@n", name), ("@t", type), ("@su", type == "person" && words.Length > 0 ? words[^1] : null),
                ("@g", type == "person" && words.Length > 1 ? words[0] : null), ("@c", DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture)));
            foreach (var key in keys)
            {
                store.Execute("UPDATE speaker_names SET speaker_id = @n, pinned = 1 WHERE name_key = @k", ("@n", created), ("@k", key));
                var mentions = store.Query("SELECT id FROM speaker_mentions WHERE speaker_id = @s AND name_key = @k", r => r.GetInt64(0), ("@s", speakerId), ("@k", key));
                foreach (var mention in mentions)
                {
                    store.Execute("UPDATE speaker_mentions SET speaker_id = @n WHERE id = @m", ("@n", created), ("@m", mention));
                    store.Execute("UPDATE statements SET speaker_id = @n WHERE mention_id = @m", ("@n", created), ("@m", mention));
                    store.Execute("UPDATE claim_points SET speaker_id = @n WHERE statement_id IN (SELECT id FROM statements WHERE mention_id = @m)", ("@n", created), ("@m", mention));
                    store.Execute("UPDATE forecasts SET speaker_id = @n WHERE statement_id IN (SELECT id FROM statements WHERE mention_id = @m)", ("@n", created), ("@m", mention));
                }
            }
            // What stays with the old speaker is a person's decision too: pin its remaining names.
            store.Execute("UPDATE speaker_names SET pinned = 1 WHERE speaker_id = @s", ("@s", speakerId));
            return created;
        });
    }

    /// <summary>Records how forecast <paramref name="forecastId"/> turned out, with the evidence (a ledger document id or a URL).</summary>
    public void ResolveForecast(long forecastId, string outcome, string? evidence, string? note = null)
    {
        if (!ForecastStatus.Outcomes.Contains(outcome))
        {
            throw new LedgerException($"forecasts resolve: outcome must be one of {string.Join(", ", ForecastStatus.Outcomes)}, not '{outcome}'");
        }
        var key = store.Scalar("SELECT forecast_key FROM forecasts WHERE id = @id", ("@id", forecastId)) as string
            ?? throw new LedgerException($"forecasts resolve: no forecast {forecastId}");
        if (evidence is not null && long.TryParse(evidence, NumberStyles.None, CultureInfo.InvariantCulture, out var doc)
            && store.ScalarLong("SELECT id FROM documents WHERE id = @d", ("@d", doc)) is null)
        {
            throw new LedgerException($"forecasts resolve: --evidence {evidence}: no such document in the ledger");
        }
        store.Execute("""
            INSERT INTO forecast_outcomes (forecast_key, outcome, evidence, note, resolved_at) VALUES (@k, @o, @e, @n, @t)
            ON CONFLICT (forecast_key) DO UPDATE SET outcome = excluded.outcome, evidence = excluded.evidence, note = excluded.note, resolved_at = excluded.resolved_at
            """, ("@k", key), ("@o", outcome), ("@e", evidence), ("@n", note), ("@t", DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture)));
    }

    /// <summary>Removes a document (every version of the article when <paramref name="allVersions"/>) and all that came from it.</summary>
    public int DeleteDocument(long documentId, bool allVersions = true)
    {
        var key = store.Scalar("SELECT doc_key FROM documents WHERE id = @id", ("@id", documentId)) as string
            ?? throw new LedgerException($"documents delete: no document {documentId}");
        var ids = allVersions
            ? store.Query("SELECT id FROM documents WHERE doc_key = @k", r => r.GetInt64(0), ("@k", key))
            : [documentId];
        store.InTransaction(() =>
        {
            foreach (var id in ids)
            {
                DocumentRecorder.DeleteFacts(store, id);
                store.Execute("DELETE FROM story_bands WHERE document_id = @d", ("@d", id));
                // The story's other copies stay one story, led by the oldest that remains.
                store.Execute("""
                    UPDATE documents SET story_id = (SELECT MIN(o.id) FROM documents o WHERE o.story_id = @d AND o.id <> @d)
                    WHERE story_id = @d AND id <> @d
                    """, ("@d", id));
                store.Execute("DELETE FROM documents WHERE id = @d", ("@d", id));
            }
            // The newest remaining version, if any, becomes the one shown.
            store.Execute("""
                UPDATE documents SET is_latest = 1
                WHERE doc_key = @k AND version = (SELECT MAX(version) FROM documents WHERE doc_key = @k)
                """, ("@k", key));
        });
        return ids.Count;
    }

    private void RequireSpeaker(long id)
    {
        if (store.ScalarLong("SELECT id FROM speakers WHERE id = @id", ("@id", id)) is null)
        {
            throw new LedgerException($"no speaker {id} in the ledger");
        }
    }
}
