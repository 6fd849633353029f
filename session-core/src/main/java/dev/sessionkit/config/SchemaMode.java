package dev.sessionkit.config;

/** Placeholder until the settings package lands. */
public enum SchemaMode {
    CREATE, VALIDATE, NONE
}
