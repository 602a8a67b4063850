//! The database schema, one step per version. `PRAGMA user_version` says which steps a file
//! has had; [`migrate`] runs the missing ones in one transaction, so a file is either migrated
//! whole or left as it was.

use rusqlite::{Connection, params};

/// The newest schema.
pub const CURRENT: u32 = 2;

/// Version 1: clients and their sessions, each session stored whole as its RON file.
pub(crate) const V1: &str = "
CREATE TABLE clients (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE
);
CREATE TABLE sessions (
    id INTEGER PRIMARY KEY,
    client_id INTEGER NOT NULL REFERENCES clients(id),
    date TEXT NOT NULL,
    data TEXT NOT NULL,
    updated_at INTEGER NOT NULL
);
";

/// Version 2: the worst intensity and the number of marked areas kept beside each session (the
/// progress plot reads them without parsing every session), and an index for a client's
/// sessions by date.
const V2: &str = "
ALTER TABLE sessions ADD COLUMN worst INTEGER NOT NULL DEFAULT 0;
ALTER TABLE sessions ADD COLUMN areas INTEGER NOT NULL DEFAULT 0;
CREATE INDEX sessions_by_client ON sessions(client_id, date);
CREATE INDEX sessions_by_update ON sessions(updated_at);
";

/// Brings a database at `from` up to [`CURRENT`], in one transaction.
pub(crate) fn migrate(conn: &mut Connection, from: u32) -> rusqlite::Result<()> {
    if from >= CURRENT {
        return Ok(());
    }
    let tx = conn.transaction()?;
    if from < 1 {
        tx.execute_batch(V1)?;
    }
    if from < 2 {
        tx.execute_batch(V2)?;
        // Fill the new columns from the sessions already there.
        let rows: Vec<(i64, String)> = {
            let mut stmt = tx.prepare("SELECT id, data FROM sessions")?;
            stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
                .collect::<rusqlite::Result<_>>()?
        };
        for (id, data) in rows {
            if let Ok(session) = crate::session::file::parse(&data, "") {
                let areas = i64::try_from(session.marked_areas()).unwrap_or(i64::MAX);
                tx.execute(
                    "UPDATE sessions SET worst = ?1, areas = ?2 WHERE id = ?3",
                    params![i64::from(session.worst_intensity()), areas, id],
                )?;
            }
        }
    }
    tx.pragma_update(None, "user_version", CURRENT)?;
    tx.commit()
}
