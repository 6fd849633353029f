package dev.sessionkit.jaxrs;

import dev.sessionkit.jaxrs.json.RememberedDeviceJson;
import dev.sessionkit.remember.RememberMe;
import dev.sessionkit.remember.RememberSeries;
import dev.sessionkit.session.EndReason;
import dev.sessionkit.session.SessionRecord;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;

/**
 * The caller's remembered devices ("keep me signed in"): list them, forget one. Forgetting a device ends the
 * sessions it started; another user's device is answered like an unknown one (404).
 */
@Path("sessions/remembered")
@Produces(MediaType.APPLICATION_JSON)
public class MyRememberedDevicesResource {

    @Context
    private HttpServletRequest request;

    /** Creates the resource; the JAX-RS runtime makes one per request. */
    public MyRememberedDevicesResource() {
        // fields are injected
    }

    /**
     * Lists the caller's remembered devices, newest first; the one making the request has {@code current: true}.
     *
     * @return the devices
     */
    @GET
    public List<RememberedDeviceJson> list() {
        SessionRecord current = CurrentSession.require(request);
        Optional<String> here = rememberMe().deviceOf(current.id());
        return rememberMe().devicesOf(current.userId()).stream()
                .map(device -> RememberedDeviceJson.of(device, here.filter(device.selector()::equals).isPresent()))
                .toList();
    }

    /**
     * Forgets one of the caller's remembered devices and ends the sessions it started. Another device than this
     * one needs a credential proved within {@code privileged-session-max-age}, like signing it out.
     *
     * @param id the device's public id
     * @return 204; 404 when unknown or not the caller's
     */
    @DELETE
    @Path("{id}")
    public Response forget(@PathParam("id") String id) {
        SessionRecord current = CurrentSession.require(request);
        Optional<RememberSeries> device = rememberMe().devicesOf(current.userId()).stream()
                .filter(d -> d.publicId().equals(id)).findFirst();
        if (device.isEmpty()) {
            throw ProblemException.notFound("You have no remembered device with this id.");
        }
        if (rememberMe().deviceOf(current.id()).filter(device.get().selector()::equals).isEmpty()) {
            CurrentSession.sessionkit(request).security().stepUp().requirePrivileged(current);
        }
        rememberMe().forgetSeries(device.get().selector(), EndReason.REVOKED_BY_USER);
        return Response.noContent().build();
    }

    private RememberMe rememberMe() {
        return CurrentSession.sessionkit(request).rememberMe();
    }
}
