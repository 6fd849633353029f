package dev.sessionkit.jaxrs.json;

import dev.sessionkit.remember.RememberSeries;

/**
 * One remembered device ("keep me signed in") as the API shows it. Never the cookie or any half of it: the id is
 * derived from the selector.
 *
 * @param id the device's public id, usable in {@code DELETE /sessions/remembered/{id}}
 * @param device a short summary, e.g. {@code Firefox on Windows}
 * @param created when the user asked to be remembered
 * @param lastUsed when its cookie last started a session (or was set)
 * @param expiresAt when the device is forgotten whatever its use
 * @param current true for the device making this request
 */
public record RememberedDeviceJson(String id, String device, String created, String lastUsed, String expiresAt,
        boolean current) {

    /**
     * Shapes a device for the API.
     *
     * @param series the device
     * @param current whether it is the one making the request
     * @return the JSON shape
     */
    public static RememberedDeviceJson of(RememberSeries series, boolean current) {
        return new RememberedDeviceJson(series.publicId(), series.device(), series.createdAt().toString(),
                series.rotatedAt().toString(), series.expiresAt().toString(), current);
    }
}
