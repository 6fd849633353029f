-- Removes every Sessionkit table and all session data.
DROP TABLE IF EXISTS sessionkit_lease;
DROP TABLE IF EXISTS sessionkit_user_lock;
DROP TABLE IF EXISTS sessionkit_session;
