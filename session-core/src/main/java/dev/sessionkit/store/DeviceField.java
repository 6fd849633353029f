package dev.sessionkit.store;

/** A device attribute sessions can be counted by. */
public enum DeviceField {
    /** Desktop, mobile, tablet, bot or unknown. */
    TYPE,
    /** Browser name and major version, e.g. "Chrome 120". */
    BROWSER,
    /** Operating system and version, e.g. "Windows 11". */
    OS
}
