//! Client records: clients and their sessions in an SQLite database (SQLCipher when protected
//! by a passphrase) in the user data folder. No egui.
//!
//! - The file is readable by the user only (0600 on Unix), created so from the start.
//! - The schema is versioned (`PRAGMA user_version`) and migrated forward in a transaction; a
//!   database from a newer version is refused and left untouched.
//! - Every save is one transaction: a save cut short (a crash, a killed process) leaves the
//!   last committed state.
//! - A database that cannot be opened (damaged, wrong passphrase) is never written to or
//!   replaced; the caller starts without it and says where it is.
//! - Messages name the file, never a client.

mod schema;

use std::path::{Path, PathBuf};

use rusqlite::{Connection, ErrorCode, OpenFlags, OptionalExtension as _, params};

use crate::session::{self, Session, SessionDate};

/// The database file in the user data folder.
pub const RECORDS_FILE: &str = "client-records.sqlite";

/// The schema version this build writes (see `schema.rs` for each step).
pub const SCHEMA_VERSION: u32 = schema::CURRENT;

/// One session in a list: enough to show and plot it without reading the whole session.
#[derive(Clone, Debug, PartialEq)]
pub struct SessionSummary {
    /// Its row.
    pub id: i64,
    pub client: String,
    pub date: SessionDate,
    /// The worst pain intensity marked (0-10).
    pub worst: u8,
    /// How many areas were marked.
    pub areas: u32,
}

/// Why the records could not be opened. Each message says where the file is.
#[derive(Debug, thiserror::Error)]
pub enum OpenError {
    #[error("The client records at {} are protected by a passphrase", .path.display())]
    NeedsPassphrase { path: PathBuf },
    #[error(
        "Wrong passphrase for the client records at {}: nothing was changed. Try again, or start without the records",
        .path.display()
    )]
    WrongPassphrase { path: PathBuf },
    #[error(
        "The client records at {} were written by a newer version of Bodywork Atlas (schema {found}; this version knows up to {known}). They were left untouched; the app runs without them",
        .path.display()
    )]
    Newer {
        path: PathBuf,
        found: u32,
        known: u32,
    },
    #[error(
        "The client records at {} could not be opened ({reason}). They were left untouched; the app runs without them",
        .path.display()
    )]
    Unusable { path: PathBuf, reason: String },
}

/// Why a save or a read failed.
#[derive(Debug, thiserror::Error)]
pub enum RecordsError {
    #[error("the client records at {}: {reason}", .path.display())]
    Database { path: PathBuf, reason: String },
    #[error("a session in the client records at {} could not be read: {reason}", .path.display())]
    BadSession { path: PathBuf, reason: String },
    #[error("no session {id} in the client records")]
    NoSuchSession { id: i64 },
}

/// The open client records.
pub struct Records {
    conn: Connection,
    path: PathBuf,
    protected: bool,
}

impl std::fmt::Debug for Records {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Records")
            .field("path", &self.path)
            .field("protected", &self.protected)
            .finish_non_exhaustive()
    }
}

/// The SQLite header of an unencrypted database.
const SQLITE_HEADER: &[u8; 16] = b"SQLite format 3\0";

impl Records {
    /// Where the records live: the user data folder (e.g. `~/.local/share/bodywork-atlas`).
    #[must_use]
    pub fn default_path() -> Option<PathBuf> {
        crate::store::Store::user_data().map(|s| s.dir().join(RECORDS_FILE))
    }

    /// Whether the file at `path` looks protected by a passphrase (it exists and is not a plain
    /// SQLite file). A damaged file looks the same: the passphrase then never opens it.
    #[must_use]
    pub fn looks_protected(path: &Path) -> bool {
        let mut header = [0_u8; 16];
        match std::fs::File::open(path) {
            Ok(mut f) => {
                use std::io::Read as _;
                match f.read_exact(&mut header) {
                    Ok(()) => header != *SQLITE_HEADER,
                    Err(_) => false,
                }
            }
            Err(_) => false,
        }
    }

    /// Opens the records at `path`, creating them (0600) when there is no file, migrating an
    /// older schema. `passphrase` unlocks a protected database.
    ///
    /// # Errors
    /// See [`OpenError`]; in every case the file is left as it was.
    pub fn open(path: &Path, passphrase: Option<&str>) -> Result<Self, OpenError> {
        let unusable = |reason: String| OpenError::Unusable {
            path: path.to_owned(),
            reason,
        };
        let exists = match std::fs::symlink_metadata(path) {
            Ok(meta) if meta.is_file() => meta.len() > 0,
            Ok(_) => return Err(unusable("it is not a regular file".into())),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                create_private_file(path).map_err(|e| unusable(e.to_string()))?;
                false
            }
            Err(e) => return Err(unusable(e.to_string())),
        };
        if exists && passphrase.is_none() && Self::looks_protected(path) {
            return Err(OpenError::NeedsPassphrase {
                path: path.to_owned(),
            });
        }
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(path, flags).map_err(|e| unusable(e.to_string()))?;
        // SQLCipher would print its own errors (a wrong key) to stderr; the caller reports them.
        let _ = conn.pragma_update(None, "cipher_log_level", "NONE");
        let protected = match passphrase {
            Some(p) if !p.is_empty() => {
                conn.pragma_update(None, "key", p)
                    .map_err(|e| unusable(e.to_string()))?;
                true
            }
            _ => false,
        };
        // The first read tells a wrong key (or a damaged file) apart from a usable database.
        let version: Result<u32, rusqlite::Error> =
            conn.query_row("PRAGMA user_version", [], |r| r.get(0));
        let version = match version {
            Ok(v) => v,
            Err(e) if e.sqlite_error_code() == Some(ErrorCode::NotADatabase) => {
                return Err(if protected {
                    OpenError::WrongPassphrase {
                        path: path.to_owned(),
                    }
                } else {
                    unusable("it is damaged or not a database".into())
                });
            }
            Err(e) => return Err(unusable(e.to_string())),
        };
        if version > schema::CURRENT {
            return Err(OpenError::Newer {
                path: path.to_owned(),
                found: version,
                known: schema::CURRENT,
            });
        }
        let mut records = Self {
            conn,
            path: path.to_owned(),
            protected,
        };
        make_private(path);
        records
            .conn
            .pragma_update(None, "foreign_keys", true)
            .map_err(|e| unusable(e.to_string()))?;
        schema::migrate(&mut records.conn, version).map_err(|e| unusable(e.to_string()))?;
        Ok(records)
    }

    /// Where the file is.
    #[must_use]
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Whether a passphrase protects the file.
    #[must_use]
    pub fn is_protected(&self) -> bool {
        self.protected
    }

    fn db_error(&self, e: &rusqlite::Error) -> RecordsError {
        RecordsError::Database {
            path: self.path.clone(),
            reason: e.to_string(),
        }
    }

    /// Saves a session (a new row when `id` is `None`) in one transaction; returns its row.
    ///
    /// # Errors
    /// When the database cannot be written; the last committed state stays.
    pub fn save(&mut self, id: Option<i64>, session: &Session) -> Result<i64, RecordsError> {
        self.save_with(id, session, || {})
    }

    /// [`Self::save`], calling `before_commit` with everything written but not committed (tests
    /// kill the process there).
    #[doc(hidden)]
    pub fn save_with(
        &mut self,
        id: Option<i64>,
        session: &Session,
        before_commit: impl FnOnce(),
    ) -> Result<i64, RecordsError> {
        let path = self.path.clone();
        let fail = |e: rusqlite::Error| RecordsError::Database {
            path: path.clone(),
            reason: e.to_string(),
        };
        let data = session::file::to_ron(session).map_err(|e| RecordsError::BadSession {
            path: self.path.clone(),
            reason: e.to_string(),
        })?;
        let tx = self.conn.transaction().map_err(fail)?;
        tx.execute(
            "INSERT INTO clients (name) VALUES (?1) ON CONFLICT(name) DO NOTHING",
            params![session.client.trim()],
        )
        .map_err(fail)?;
        let client: i64 = tx
            .query_row(
                "SELECT id FROM clients WHERE name = ?1",
                params![session.client.trim()],
                |r| r.get(0),
            )
            .map_err(fail)?;
        let now = unix_now();
        let worst = i64::from(session.worst_intensity());
        let areas = i64::try_from(session.marked_areas()).unwrap_or(i64::MAX);
        let date = session.date.to_string();
        let existing = match id {
            Some(id) => tx
                .query_row("SELECT id FROM sessions WHERE id = ?1", params![id], |r| {
                    r.get::<_, i64>(0)
                })
                .optional()
                .map_err(fail)?,
            None => None,
        };
        let row = if let Some(id) = existing {
            tx.execute(
                "UPDATE sessions SET client_id = ?1, date = ?2, data = ?3, \
                 updated_at = max(?4, (SELECT COALESCE(MAX(updated_at), 0) + 1 FROM sessions)), \
                 worst = ?5, areas = ?6 WHERE id = ?7",
                params![client, date, data, now, worst, areas, id],
            )
            .map_err(fail)?;
            id
        } else {
            tx.execute(
                "INSERT INTO sessions (client_id, date, data, updated_at, worst, areas) \
                 VALUES (?1, ?2, ?3, \
                 max(?4, (SELECT COALESCE(MAX(updated_at), 0) + 1 FROM sessions)), ?5, ?6)",
                params![client, date, data, now, worst, areas],
            )
            .map_err(fail)?;
            tx.last_insert_rowid()
        };
        // A client left with no session (renamed) is removed.
        tx.execute(
            "DELETE FROM clients WHERE id NOT IN (SELECT client_id FROM sessions)",
            [],
        )
        .map_err(fail)?;
        before_commit();
        tx.commit().map_err(fail)?;
        Ok(row)
    }

    /// Reads a whole session.
    ///
    /// # Errors
    /// When the row is missing or its data cannot be read.
    pub fn load(&self, id: i64) -> Result<Session, RecordsError> {
        let data: Option<String> = self
            .conn
            .query_row(
                "SELECT data FROM sessions WHERE id = ?1",
                params![id],
                |r| r.get(0),
            )
            .optional()
            .map_err(|e| self.db_error(&e))?;
        let data = data.ok_or(RecordsError::NoSuchSession { id })?;
        session::file::parse(&data, &format!("session {id}")).map_err(|e| {
            RecordsError::BadSession {
                path: self.path.clone(),
                reason: e.to_string(),
            }
        })
    }

    /// Deletes a session.
    ///
    /// # Errors
    /// When the database cannot be written.
    pub fn delete(&mut self, id: i64) -> Result<(), RecordsError> {
        let path = self.path.clone();
        let fail = |e: rusqlite::Error| RecordsError::Database {
            path: path.clone(),
            reason: e.to_string(),
        };
        let tx = self.conn.transaction().map_err(fail)?;
        tx.execute("DELETE FROM sessions WHERE id = ?1", params![id])
            .map_err(fail)?;
        tx.execute(
            "DELETE FROM clients WHERE id NOT IN (SELECT client_id FROM sessions)",
            [],
        )
        .map_err(fail)?;
        tx.commit().map_err(fail)
    }

    fn summaries(
        &self,
        filter: &str,
        order: &str,
        limit: u32,
        param: &str,
    ) -> Result<Vec<SessionSummary>, RecordsError> {
        let sql = format!(
            "SELECT s.id, c.name, s.date, s.worst, s.areas FROM sessions s \
             JOIN clients c ON c.id = s.client_id {filter} ORDER BY {order} LIMIT {limit}"
        );
        let mut stmt = self.conn.prepare(&sql).map_err(|e| self.db_error(&e))?;
        let map = |r: &rusqlite::Row<'_>| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, i64>(3)?,
                r.get::<_, i64>(4)?,
            ))
        };
        let rows = if filter.is_empty() {
            stmt.query_map([], map)
        } else {
            stmt.query_map(params![param], map)
        }
        .map_err(|e| self.db_error(&e))?;
        let mut out = Vec::new();
        for row in rows {
            let (id, client, date, worst, areas) = row.map_err(|e| self.db_error(&e))?;
            let Ok(date) = date.parse::<SessionDate>() else {
                continue;
            };
            out.push(SessionSummary {
                id,
                client,
                date,
                worst: u8::try_from(worst.clamp(0, 10)).unwrap_or(0),
                areas: u32::try_from(areas.max(0)).unwrap_or(u32::MAX),
            });
        }
        Ok(out)
    }

    /// The most recently saved sessions, newest first.
    ///
    /// # Errors
    /// When the database cannot be read.
    pub fn recent(&self, limit: u32) -> Result<Vec<SessionSummary>, RecordsError> {
        self.summaries("", "s.updated_at DESC, s.id DESC", limit, "")
    }

    /// Sessions of clients whose name contains `query` (any case), newest first.
    ///
    /// # Errors
    /// When the database cannot be read.
    pub fn search(&self, query: &str) -> Result<Vec<SessionSummary>, RecordsError> {
        let escaped = query
            .trim()
            .replace('\\', "\\\\")
            .replace('%', "\\%")
            .replace('_', "\\_");
        self.summaries(
            "WHERE c.name LIKE ?1 ESCAPE '\\'",
            "s.date DESC, s.id DESC",
            200,
            &format!("%{escaped}%"),
        )
    }

    /// Every session of one client (exact name, any case), oldest first: the course of treatment.
    ///
    /// # Errors
    /// When the database cannot be read.
    pub fn history(&self, client: &str) -> Result<Vec<SessionSummary>, RecordsError> {
        self.summaries(
            "WHERE c.name = ?1 COLLATE NOCASE",
            "s.date ASC, s.id ASC",
            1000,
            client.trim(),
        )
    }

    /// Protects the records with a passphrase, changes it, or (with `None`) removes it. The new
    /// file is written beside the old one and renamed over it, so a crash leaves one or the
    /// other.
    ///
    /// # Errors
    /// When the copy cannot be written; the records stay as they were.
    pub fn set_passphrase(&mut self, passphrase: Option<&str>) -> Result<(), RecordsError> {
        let fail = |reason: String| RecordsError::Database {
            path: self.path.clone(),
            reason,
        };
        let key = passphrase.unwrap_or("");
        let temp = self.path.with_extension("sqlite.rekey-tmp");
        let _ = std::fs::remove_file(&temp);
        create_private_file(&temp).map_err(|e| fail(e.to_string()))?;
        let exported = (|| -> rusqlite::Result<()> {
            self.conn.execute(
                "ATTACH DATABASE ?1 AS target KEY ?2",
                params![temp.to_string_lossy(), key],
            )?;
            self.conn
                .query_row("SELECT sqlcipher_export('target')", [], |_| Ok(()))?;
            self.conn
                .pragma_update(Some("target"), "user_version", schema::CURRENT)?;
            self.conn.execute("DETACH DATABASE target", [])?;
            Ok(())
        })();
        if let Err(e) = exported {
            let _ = self.conn.execute("DETACH DATABASE target", []);
            let _ = std::fs::remove_file(&temp);
            return Err(fail(e.to_string()));
        }
        if let Err(e) = std::fs::rename(&temp, &self.path) {
            let _ = std::fs::remove_file(&temp);
            return Err(fail(e.to_string()));
        }
        let reopened = Self::open(&self.path, passphrase).map_err(|e| fail(e.to_string()))?;
        *self = reopened;
        Ok(())
    }
}

/// Milliseconds since 1970 (a save is always stamped later than the one before it, so the
/// recent list follows the order of saving even within a millisecond).
fn unix_now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX))
}

/// Creates an empty file readable by the user only (and its folder, 0700).
fn create_private_file(path: &Path) -> std::io::Result<()> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        let mut builder = std::fs::DirBuilder::new();
        builder.recursive(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::DirBuilderExt as _;
            builder.mode(0o700);
        }
        builder.create(dir)?;
    }
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt as _;
        options.mode(0o600);
    }
    options.open(path).map(drop)
}

/// Makes an existing file readable by the user only (best effort: a file on a file system
/// without Unix permissions stays as it is).
fn make_private(path: &Path) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        let _ = std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600));
    }
    #[cfg(not(unix))]
    let _ = path;
}
