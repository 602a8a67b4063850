//! Where preferences and user data are kept, and reading and writing them (through
//! [`crate::store`]: versioned files, atomic writes, unreadable files kept aside).

use std::path::PathBuf;

use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::state::prefs::{PREFERENCES_FILE, PREFERENCES_VERSION};
use crate::state::userdata::{USER_DATA_FILE, USER_DATA_VERSION};
use crate::state::{Preferences, UserData};
use crate::store::Store;

/// Where the app keeps what it saves.
#[derive(Clone, Debug, PartialEq)]
pub enum Storage {
    /// Nothing is read or written (screenshots, tests).
    None,
    /// The platform's folders: preferences in the config folder, user data in the data folder.
    Platform,
    /// Both files in one folder (tests, portable use).
    Dir(PathBuf),
}

/// One saved file: where it goes (none when it must not be written: no storage, or a file
/// that could not be moved aside), and what was last read or written, so an unchanged value
/// is not written again.
#[derive(Debug)]
struct Slot<T> {
    store: Option<Store>,
    file: &'static str,
    version: u32,
    saved: T,
}

impl<T: Serialize + DeserializeOwned + Default + Clone + PartialEq> Slot<T> {
    /// Reads the file (defaults without a store); a file that cannot be used adds a notice.
    fn open(
        store: Option<Store>,
        file: &'static str,
        version: u32,
        notices: &mut Vec<String>,
    ) -> Self {
        let Some(store) = store else {
            return Self {
                store: None,
                file,
                version,
                saved: T::default(),
            };
        };
        let loaded = store.load::<T>(file, version);
        notices.extend(loaded.notice);
        Self {
            store: loaded.writable.then_some(store),
            file,
            version,
            saved: loaded.value,
        }
    }

    /// Writes `value` if it has a writable place and changed since last read or written.
    fn save(&mut self, value: &T) -> Result<(), String> {
        let Some(store) = &self.store else {
            return Ok(());
        };
        if *value == self.saved {
            return Ok(());
        }
        store
            .save(self.file, self.version, value)
            .map_err(|e| e.to_string())?;
        self.saved = value.clone();
        Ok(())
    }
}

/// The saved files in use.
#[derive(Debug)]
pub struct Stores {
    prefs: Slot<Preferences>,
    user: Slot<UserData>,
}

/// What was read at start.
pub struct Restored {
    pub prefs: Preferences,
    pub user: UserData,
    /// One message per file that could not be used.
    pub notices: Vec<String>,
    pub stores: Stores,
}

impl Storage {
    /// Reads the preferences and the user data.
    #[must_use]
    pub fn restore(&self) -> Restored {
        let (prefs_store, user_store) = match self {
            Self::None => (None, None),
            Self::Platform => (Store::preferences(), Store::user_data()),
            Self::Dir(dir) => (Some(Store::at(dir.clone())), Some(Store::at(dir.clone()))),
        };
        let mut notices = Vec::new();
        let prefs: Slot<Preferences> = Slot::open(
            prefs_store,
            PREFERENCES_FILE,
            PREFERENCES_VERSION,
            &mut notices,
        );
        let user: Slot<UserData> =
            Slot::open(user_store, USER_DATA_FILE, USER_DATA_VERSION, &mut notices);
        Restored {
            prefs: prefs.saved.clone().sanitized(),
            user: user.saved.clone().sanitized(),
            notices,
            stores: Stores { prefs, user },
        }
    }
}

impl Stores {
    /// Saves the preferences if they changed and have a writable place.
    ///
    /// # Errors
    /// A message naming the file when it cannot be written.
    pub fn save_prefs(&mut self, prefs: &Preferences) -> Result<(), String> {
        self.prefs.save(prefs)
    }

    /// Saves the user data if it changed and has a writable place.
    ///
    /// # Errors
    /// A message naming the file when it cannot be written.
    pub fn save_user(&mut self, user: &UserData) -> Result<(), String> {
        self.user.save(user)
    }

    /// Whether anything is saved at all.
    #[must_use]
    pub fn any(&self) -> bool {
        self.prefs.store.is_some() || self.user.store.is_some()
    }
}
