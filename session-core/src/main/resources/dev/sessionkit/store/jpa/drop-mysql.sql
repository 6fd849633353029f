-- Removes every Sessionkit table and all session data.
DROP TABLE IF EXISTS sessionkit_remember_session;
DROP TABLE IF EXISTS sessionkit_remember_series;
DROP TABLE IF EXISTS sessionkit_login_failure;
DROP TABLE IF EXISTS sessionkit_security_event;
DROP TABLE IF EXISTS sessionkit_lease;
DROP TABLE IF EXISTS sessionkit_user_lock;
DROP TABLE IF EXISTS sessionkit_session;
