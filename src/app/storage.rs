//! Where preferences and user data are kept, and reading and writing them (through
//! [`crate::store`]: versioned files, atomic writes, unreadable files kept aside).

use std::path::PathBuf;

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

/// The stores in use, and whether each may be written (a file that could not be moved aside
/// is never overwritten).
#[derive(Debug, Default)]
pub struct Stores {
    prefs: Option<Store>,
    user: Option<Store>,
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
        let mut stores = Stores::default();
        let mut prefs = Preferences::default();
        if let Some(store) = prefs_store {
            let loaded = store.load::<Preferences>(PREFERENCES_FILE, PREFERENCES_VERSION);
            prefs = loaded.value;
            notices.extend(loaded.notice);
            stores.prefs = loaded.writable.then_some(store);
        }
        let mut user = UserData::default();
        if let Some(store) = user_store {
            let loaded = store.load::<UserData>(USER_DATA_FILE, USER_DATA_VERSION);
            user = loaded.value;
            notices.extend(loaded.notice);
            stores.user = loaded.writable.then_some(store);
        }
        Restored {
            prefs,
            user,
            notices,
            stores,
        }
    }
}

impl Stores {
    /// Saves the preferences, if they have a writable place.
    ///
    /// # Errors
    /// A message naming the file when it cannot be written.
    pub fn save_prefs(&self, prefs: &Preferences) -> Result<(), String> {
        match &self.prefs {
            Some(store) => store
                .save(PREFERENCES_FILE, PREFERENCES_VERSION, prefs)
                .map_err(|e| e.to_string()),
            None => Ok(()),
        }
    }

    /// Saves the user data, if it has a writable place.
    ///
    /// # Errors
    /// A message naming the file when it cannot be written.
    pub fn save_user(&self, user: &UserData) -> Result<(), String> {
        match &self.user {
            Some(store) => store
                .save(USER_DATA_FILE, USER_DATA_VERSION, user)
                .map_err(|e| e.to_string()),
            None => Ok(()),
        }
    }

    /// Whether anything is saved at all.
    #[must_use]
    pub fn any(&self) -> bool {
        self.prefs.is_some() || self.user.is_some()
    }
}
