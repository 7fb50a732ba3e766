// Generated from docs/openapi.yaml by openapi-typescript (web/scripts/api-types.mjs).
// Do not edit: change the document, then run `npm run api-types` in web/.

export interface paths {
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** liveness (answered on the network thread, never queued) */
        get: operations["getHealth"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/readyz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * readiness: the database answers
         * @description 503 `not-ready` when the database does not answer (or `server-busy`).
         */
        get: operations["getReadiness"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Prometheus text exposition format 0.0.4 */
        get: operations["getMetrics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * staff login; sets the session cookie
         * @description 401 for a wrong email or password alike (the same work either way); 429 `rate-limited` per address; 503 `password-checks-busy` with Retry-After when every password-check slot is taken.
         */
        post: operations["login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** ends the session and clears the cookie */
        post: operations["logout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** the caller, their memberships (a token sees only its business, at its role) and the CSRF token */
        get: operations["getMe"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public/businesses/{slug}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                slug: components["parameters"]["slug"];
            };
            cookie?: never;
        };
        /** a business's name, zone, services and providers (public fields) */
        get: operations["getPublicBusiness"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public/businesses/{slug}/slots": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                slug: components["parameters"]["slug"];
            };
            cookie?: never;
        };
        /**
         * free slots, grouped by date in the requested zone
         * @description 404 names `serviceId` for a service this business does not have.
         */
        get: operations["getPublicSlots"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public/businesses/{slug}/bookings": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                slug: components["parameters"]["slug"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * book a slot
         * @description 409 `conflict` when the slot is no longer free, with the nearest free slots in `nearest` (in the consumer's zone); 422 `idempotency-key-reused` when the key came with another body; 429 `rate-limited` per address.
         */
        post: operations["createBooking"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public/businesses/{slug}/profile": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                slug: components["parameters"]["slug"];
            };
            cookie?: never;
        };
        /** the clinic's public face: description, contact, accent colour, logo URL, change policy, service and provider words */
        get: operations["getPublicProfile"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public/businesses/{slug}/logo": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                slug: components["parameters"]["slug"];
            };
            cookie?: never;
        };
        /** the clinic's logo (PNG, JPEG or WebP), cacheable for a day; its URL carries a version */
        get: operations["getPublicLogo"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/manage/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description capability token from manageUrl */
                token: components["parameters"]["manageToken"];
            };
            cookie?: never;
        };
        /** the booking behind a manage link, with what the consumer may still do */
        get: operations["getManagedBooking"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/manage/{token}/slots": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description capability token from manageUrl */
                token: components["parameters"]["manageToken"];
            };
            cookie?: never;
        };
        /**
         * free slots to reschedule to (same provider and service)
         * @description 409 `policy` when the booked service no longer exists.
         */
        get: operations["getManagedSlots"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/manage/{token}/reschedule": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description capability token from manageUrl */
                token: components["parameters"]["manageToken"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * move the booking (before the reschedule cutoff)
         * @description 409 `conflict` (with `nearest`) when the new slot is taken; 409 `policy` past the cutoff or for a booking that is no longer confirmed, with the deadline in the consumer's zone.
         */
        post: operations["rescheduleManagedBooking"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/manage/{token}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description capability token from manageUrl */
                token: components["parameters"]["manageToken"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * cancel the booking (before the cancel cutoff); the body is optional
         * @description 409 `policy` past the cutoff or for a booking that is no longer confirmed.
         */
        post: operations["cancelManagedBooking"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/manage/{token}/calendar.ics": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description capability token from manageUrl */
                token: components["parameters"]["manageToken"];
            };
            cookie?: never;
        };
        /**
         * the appointment as an iCalendar file, the same calendar object as the mailed invite
         * @description RFC 5545 text (METHOD:REQUEST, or METHOD:CANCEL once cancelled) with the UID and SEQUENCE of the invites visitd mails for this booking, and the join link in DESCRIPTION, URL and LOCATION, so a calendar that imported it applies later mailed updates and the cancellation to the same event.
         */
        get: operations["getManagedCalendar"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/join/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description capability token from joinUrl */
                token: components["parameters"]["joinToken"];
            };
            cookie?: never;
        };
        /** the appointment room behind a join link, without joining */
        get: operations["getRoomPreview"];
        put?: never;
        /**
         * the consumer joins the room as its guest (docs/live-protocol.md)
         * @description 403 for a room the guest may not enter now; 503 `live-unavailable` when rooms are not enabled.
         */
        post: operations["joinRoomAsGuest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rooms/{roomId}/join": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the room of a booking has the booking's id */
                roomId: components["parameters"]["roomId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * staff join as a host (the booking's provider, or a manager or owner of its business)
         * @description 403 also for a session request without X-CSRF-Token.
         */
        post: operations["joinRoomAsHost"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rooms/{roomId}/messages": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the room of a booking has the booking's id */
                roomId: components["parameters"]["roomId"];
            };
            cookie?: never;
        };
        /**
         * chat history, newest first, for admitted participants
         * @description 401 without a valid room token; 403 `room-not-invited` for another room's token or a guest not admitted yet.
         */
        get: operations["getRoomMessages"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/live": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * the WebSocket endpoint of appointment rooms; see docs/live-protocol.md
         * @description A request without the WebSocket upgrade is a 426 `upgrade-required`.
         */
        get: operations["openLiveSocket"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/businesses/{businessId}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                businessId: components["parameters"]["businessId"];
            };
            cookie?: never;
        };
        /** business settings (any member) */
        get: operations["getBusiness"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** change name, zone or rules (manager+) */
        patch: operations["updateBusiness"];
        trace?: never;
    };
    "/api/v1/businesses/{businessId}/providers": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                businessId: components["parameters"]["businessId"];
            };
            cookie?: never;
        };
        /** the providers of the business */
        get: operations["listProviders"];
        put?: never;
        /**
         * add a provider (manager+)
         * @description 409 when the login is already linked to another provider.
         */
        post: operations["createProvider"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/businesses/{businessId}/providers/{providerId}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                businessId: components["parameters"]["businessId"];
                providerId: components["parameters"]["providerId"];
            };
            cookie?: never;
        };
        /** a provider with weekly hours, overrides and time off (a provider: only their own) */
        get: operations["getProvider"];
        put?: never;
        post?: never;
        /** remove a provider (manager+) */
        delete: operations["deleteProvider"];
        options?: never;
        head?: never;
        /** change name, zone or linked login (manager+) */
        patch: operations["updateProvider"];
        trace?: never;
    };
    "/api/v1/businesses/{businessId}/providers/{providerId}/weekly-hours": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                businessId: components["parameters"]["businessId"];
                providerId: components["parameters"]["providerId"];
            };
            cookie?: never;
        };
        /** a provider's weekly hours (wall-clock ranges in the provider's zone) */
        get: operations["getWeeklyHours"];
        /** replace a provider's weekly hours (the provider or a manager+) */
        put: operations["setWeeklyHours"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/businesses/{businessId}/providers/{providerId}/overrides": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                businessId: components["parameters"]["businessId"];
                providerId: components["parameters"]["providerId"];
            };
            cookie?: never;
        };
        /** a provider's date overrides, by date */
        get: operations["listOverrides"];
        put?: never;
        /** set a date's hours, replacing that date's override (empty ranges = closed) */
        post: operations["putOverride"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/businesses/{businessId}/providers/{providerId}/overrides/{overrideId}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                businessId: components["parameters"]["businessId"];
                providerId: components["parameters"]["providerId"];
                overrideId: components["parameters"]["overrideId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** remove a date override */
        delete: operations["deleteOverride"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/businesses/{businessId}/providers/{providerId}/time-off": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                businessId: components["parameters"]["businessId"];
                providerId: components["parameters"]["providerId"];
            };
            cookie?: never;
        };
        /** a provider's time off, by start */
        get: operations["listTimeOff"];
        put?: never;
        /** add time off */
        post: operations["addTimeOff"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/businesses/{businessId}/providers/{providerId}/time-off/{timeOffId}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                businessId: components["parameters"]["businessId"];
                providerId: components["parameters"]["providerId"];
                timeOffId: components["parameters"]["timeOffId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** remove time off */
        delete: operations["deleteTimeOff"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/businesses/{businessId}/providers/{providerId}/profile": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                businessId: components["parameters"]["businessId"];
                providerId: components["parameters"]["providerId"];
            };
            cookie?: never;
        };
        get?: never;
        /** a provider's title and bio for clients (the provider or a manager+) */
        put: operations["setProviderWords"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/businesses/{businessId}/services": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                businessId: components["parameters"]["businessId"];
            };
            cookie?: never;
        };
        /** the services of the business */
        get: operations["listServices"];
        put?: never;
        /** add a service (manager+) */
        post: operations["createService"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/businesses/{businessId}/services/{serviceId}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                businessId: components["parameters"]["businessId"];
                serviceId: components["parameters"]["serviceId"];
            };
            cookie?: never;
        };
        /** a service */
        get: operations["getService"];
        put?: never;
        post?: never;
        /** remove a service (manager+) */
        delete: operations["deleteService"];
        options?: never;
        head?: never;
        /** change a service (manager+); only the fields present change */
        patch: operations["updateService"];
        trace?: never;
    };
    "/api/v1/businesses/{businessId}/services/{serviceId}/profile": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                businessId: components["parameters"]["businessId"];
                serviceId: components["parameters"]["serviceId"];
            };
            cookie?: never;
        };
        get?: never;
        /** a service's description and optional price for clients (manager+) */
        put: operations["setServiceWords"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/businesses/{businessId}/services/{serviceId}/notification-policy": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                businessId: components["parameters"]["businessId"];
                serviceId: components["parameters"]["serviceId"];
            };
            cookie?: never;
        };
        /** the service's effective notification policy (manager+) */
        get: operations["getServiceNotificationPolicy"];
        /** override the notification policy for this service (manager+) */
        put: operations["setServiceNotificationPolicy"];
        post?: never;
        /** drop the override; the service inherits the business policy again */
        delete: operations["clearServiceNotificationPolicy"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/businesses/{businessId}/staff": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                businessId: components["parameters"]["businessId"];
            };
            cookie?: never;
        };
        /** staff members and roles (manager+) */
        get: operations["listStaff"];
        put?: never;
        /**
         * invite a person by e-mail (a single-use link that expires in 7 days); only an owner invites an owner
         * @description Adding a person creates an invitation mailed to the address; they accept it through /api/v1/invitations/{token}. The answer is the same whether or not the address has an account (nothing about an account is revealed). 409 naming `email` when the address is already a member of this business or has a pending invitation.
         */
        post: operations["addStaffMember"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/businesses/{businessId}/invitations": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                businessId: components["parameters"]["businessId"];
            };
            cookie?: never;
        };
        /** the invitations neither accepted nor revoked (pending or expired), newest first (manager+) */
        get: operations["listInvitations"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/businesses/{businessId}/invitations/{invitationId}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                businessId: components["parameters"]["businessId"];
                invitationId: components["parameters"]["invitationId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** revoke an invitation; its link answers 410 invitation-revoked (manager+; an owner's needs an owner) */
        delete: operations["revokeInvitation"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/businesses/{businessId}/invitations/{invitationId}/resend": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                businessId: components["parameters"]["businessId"];
                invitationId: components["parameters"]["invitationId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * mail a new link with a new 7-day expiry; the previous link stops working (manager+)
         * @description Takes no body (one sent is ignored). 409 once the invitation was accepted or revoked; an expired one may be resent.
         */
        post: operations["resendInvitation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/invitations/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the secret of an invitation link (mailed to the invited address) */
                token: components["parameters"]["invitationToken"];
            };
            cookie?: never;
        };
        /**
         * what an invitation link invites to (the token is the only credential)
         * @description 404 for an unknown, forged or replaced link; 410 `invitation-used`, `invitation-revoked` or `invitation-expired`.
         */
        get: operations["getInvitation"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/invitations/{token}/accept": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the secret of an invitation link (mailed to the invited address) */
                token: components["parameters"]["invitationToken"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * accept an invitation, joining the business with the invited role, and sign in
         * @description An address with an account accepts with that account's password (401 when wrong; the login budgets of the address and the account apply, 429); otherwise `name` and a new `password` (at least 10 characters) create the account. Refusals as for the GET; 409 when already a member. The answer is a login's: the session cookie and the csrfToken.
         */
        post: operations["acceptInvitation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/businesses/{businessId}/staff/{userId}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                businessId: components["parameters"]["businessId"];
                userId: components["parameters"]["userId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** remove a member (the last owner stays) */
        delete: operations["removeStaffMember"];
        options?: never;
        head?: never;
        /** change a member's role (owner changes need an owner; the last owner stays) */
        patch: operations["changeStaffRole"];
        trace?: never;
    };
    "/api/v1/businesses/{businessId}/api-tokens": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                businessId: components["parameters"]["businessId"];
            };
            cookie?: never;
        };
        /** API tokens of the business (never their secrets; manager+) */
        get: operations["listApiTokens"];
        put?: never;
        /** create a token capped at a role no higher than the caller's; the secret is shown once */
        post: operations["createApiToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/businesses/{businessId}/api-tokens/{tokenId}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                businessId: components["parameters"]["businessId"];
                tokenId: components["parameters"]["tokenId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** revoke a token (not one above your role) */
        delete: operations["revokeApiToken"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/businesses/{businessId}/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                businessId: components["parameters"]["businessId"];
            };
            cookie?: never;
        };
        /** the business's webhook endpoints (never their secrets; manager+) */
        get: operations["listWebhooks"];
        put?: never;
        /** register an endpoint; the signing secret is shown once */
        post: operations["createWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/businesses/{businessId}/webhooks/{webhookId}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                businessId: components["parameters"]["businessId"];
                webhookId: components["parameters"]["webhookId"];
            };
            cookie?: never;
        };
        /** one endpoint (without its secret) */
        get: operations["getWebhook"];
        put?: never;
        post?: never;
        /** remove the endpoint with its deliveries and their log */
        delete: operations["deleteWebhook"];
        options?: never;
        head?: never;
        /** change the URL, event types or description, or enable/disable it */
        patch: operations["updateWebhook"];
        trace?: never;
    };
    "/api/v1/businesses/{businessId}/webhooks/{webhookId}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                businessId: components["parameters"]["businessId"];
                webhookId: components["parameters"]["webhookId"];
            };
            cookie?: never;
        };
        /** the endpoint's deliveries, newest first, each with every attempt (response code, latency, error) */
        get: operations["listWebhookDeliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/businesses/{businessId}/webhooks/{webhookId}/deliveries/{deliveryId}/redeliver": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                businessId: components["parameters"]["businessId"];
                webhookId: components["parameters"]["webhookId"];
                deliveryId: components["parameters"]["deliveryId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** send a delivery's event again (same webhook-id and payload), after anything its booking still owes */
        post: operations["redeliverWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/businesses/{businessId}/bookings": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                businessId: components["parameters"]["businessId"];
            };
            cookie?: never;
        };
        /** bookings, filtered and paged (a provider sees only their own) */
        get: operations["listBookings"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/businesses/{businessId}/bookings/{bookingId}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                businessId: components["parameters"]["businessId"];
                bookingId: components["parameters"]["bookingId"];
            };
            cookie?: never;
        };
        /** a booking with consumer details, answers and history */
        get: operations["getBooking"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/businesses/{businessId}/bookings/{bookingId}/reschedule": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                businessId: components["parameters"]["businessId"];
                bookingId: components["parameters"]["bookingId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * move a booking (staff may pass the consumer cutoff and change provider)
         * @description 409 `conflict` (with `nearest` in the display zone) when the slot is taken; 409 `policy` for a booking that is no longer confirmed.
         */
        post: operations["rescheduleBooking"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/businesses/{businessId}/bookings/{bookingId}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                businessId: components["parameters"]["businessId"];
                bookingId: components["parameters"]["bookingId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** cancel a booking; the body is optional */
        post: operations["cancelBooking"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/businesses/{businessId}/bookings/{bookingId}/complete": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                businessId: components["parameters"]["businessId"];
                bookingId: components["parameters"]["bookingId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** mark completed (only once it started) */
        post: operations["completeBooking"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/businesses/{businessId}/bookings/{bookingId}/no-show": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                businessId: components["parameters"]["businessId"];
                bookingId: components["parameters"]["bookingId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** mark no-show (only once it started) */
        post: operations["markNoShow"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/businesses/{businessId}/bookings/{bookingId}/links": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                businessId: components["parameters"]["businessId"];
                bookingId: components["parameters"]["bookingId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * replace a booking's consumer links (one leaked)
         * @description Raises the booking's capability version: every manage and join link sent before answers 410 `link-revoked`. The consumer is sent the new links (the confirmation again, by e-mail and, with consent, SMS). Takes no body. 409 `policy` for a cancelled booking.
         */
        post: operations["reissueBookingLinks"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/businesses/{businessId}/bookings/{bookingId}/messages": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                businessId: components["parameters"]["businessId"];
                bookingId: components["parameters"]["bookingId"];
            };
            cookie?: never;
        };
        /** every planned and sent message of the booking, with SMS consent and opt-out */
        get: operations["listBookingMessages"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/businesses/{businessId}/bookings/{bookingId}/messages/{messageId}/resend": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                businessId: components["parameters"]["businessId"];
                bookingId: components["parameters"]["bookingId"];
                messageId: components["parameters"]["messageId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** plan a copy of a message, due now (manager+) */
        post: operations["resendMessage"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/businesses/{businessId}/audit": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                businessId: components["parameters"]["businessId"];
            };
            cookie?: never;
        };
        /** audit log, newest first, with the names of actor and target, filtered (manager+) */
        get: operations["listAudit"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/businesses/{businessId}/insights": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                businessId: components["parameters"]["businessId"];
            };
            cookie?: never;
        };
        /** bookings per day and week, utilisation, lead time, cancellation and no-show rates, reminder outcomes (manager+) */
        get: operations["getInsights"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/businesses/{businessId}/insights.csv": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                businessId: components["parameters"]["businessId"];
            };
            cookie?: never;
        };
        /** the same numbers as a CSV download (RFC 4180; columns section, key, name, metric, value) (manager+) */
        get: operations["getInsightsCsv"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/businesses/{businessId}/notification-policy": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                businessId: components["parameters"]["businessId"];
            };
            cookie?: never;
        };
        /** which messages go to whom on which channel, and the reminder offsets (manager+) */
        get: operations["getNotificationPolicy"];
        /** replace the business policy (its offsets are the business's reminder offsets) */
        put: operations["setNotificationPolicy"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/businesses/{businessId}/message-templates": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                businessId: components["parameters"]["businessId"];
            };
            cookie?: never;
        };
        /** the business's customised Mustache templates (absent = built-in defaults) */
        get: operations["listMessageTemplates"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/businesses/{businessId}/message-templates/defaults": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                businessId: components["parameters"]["businessId"];
            };
            cookie?: never;
        };
        /** the built-in texts of every kind and channel, what an empty part sends (manager+) */
        get: operations["listDefaultMessageTemplates"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/businesses/{businessId}/message-templates/preview": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                businessId: components["parameters"]["businessId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** render a template with the sending engine and a sample appointment; empty parts are the built-in ones (manager+) */
        post: operations["previewMessageTemplate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/businesses/{businessId}/bookings/{bookingId}/note": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                businessId: components["parameters"]["businessId"];
                bookingId: components["parameters"]["bookingId"];
            };
            cookie?: never;
        };
        /** the provider's private note on the booking (staff only; never in a consumer's answer) */
        get: operations["getBookingNote"];
        /** replace the private note (audited as booking.note, without its text) */
        put: operations["setBookingNote"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/businesses/{businessId}/video": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                businessId: components["parameters"]["businessId"];
            };
            cookie?: never;
        };
        /** what browsers get for calls, for the staff warning when no TURN relay is configured */
        get: operations["getVideoSetup"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/businesses/{businessId}/message-templates/{kind}/{channel}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                businessId: components["parameters"]["businessId"];
                kind: components["schemas"]["MessageKind"];
                channel: components["schemas"]["Channel"];
            };
            cookie?: never;
        };
        get?: never;
        /** customise a template (manager+); a template Mustache cannot parse is a 400 */
        put: operations["setMessageTemplate"];
        post?: never;
        /** back to the built-in default */
        delete: operations["resetMessageTemplate"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/businesses/{businessId}/profile": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                businessId: components["parameters"]["businessId"];
            };
            cookie?: never;
        };
        /** the clinic's public profile (any member) */
        get: operations["getProfile"];
        /** set description, contact and accent colour (manager+); absent fields keep their value */
        put: operations["setProfile"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/businesses/{businessId}/logo": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                businessId: components["parameters"]["businessId"];
            };
            cookie?: never;
        };
        get?: never;
        /**
         * upload the logo (manager+); the body is the image, its Content-Type must match its content
         * @description 413 over 256 KB; 415 when the bytes are not a PNG, JPEG or WebP image of the declared type.
         */
        put: operations["setLogo"];
        post?: never;
        /** remove the logo (manager+) */
        delete: operations["deleteLogo"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sms/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * SMS gateway delivery report (Twilio StatusCallback; X-Twilio-Signature required)
         * @description 404 for a MessageSid visitd did not send.
         */
        post: operations["smsStatusCallback"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sms/inbound": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** inbound SMS (Twilio webhook; X-Twilio-Signature required): STOP, START and HELP keywords */
        post: operations["smsInbound"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/feeds/{token}/calendar.ics": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the secret token of a calendar feed's URL (shown once, when the feed is issued) */
                token: components["parameters"]["feedToken"];
            };
            cookie?: never;
        };
        /**
         * a provider's or a business's appointments as a subscribed iCalendar feed
         * @description RFC 5545 text without METHOD: appointments ending after now − 30 days and starting before now + 731 days, one VEVENT each with the UID of the invites visitd mails for the booking, SEQUENCE as theirs (reschedules, +1 once cancelled), DTSTAMP the booking's last change, STATUS:CANCELLED (and TRANSP:TRANSPARENT) after a cancel, and the staff join link in URL, LOCATION and DESCRIPTION. The token is the only credential; an unknown, rotated or revoked token answers the same 404. The body is identical while nothing changed: its strong ETag with If-None-Match gives 304.
         */
        get: operations["getCalendarFeed"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/businesses/{businessId}/calendar-feed": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                businessId: components["parameters"]["businessId"];
            };
            cookie?: never;
        };
        /** whether the business's feed (every provider's appointments) is issued (manager+) */
        get: operations["getBusinessCalendarFeed"];
        put?: never;
        /** issue the business's feed URL, or rotate it (the previous URL stops at once; manager+) */
        post: operations["issueBusinessCalendarFeed"];
        /** revoke the business's feed URL (manager+) */
        delete: operations["revokeBusinessCalendarFeed"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/businesses/{businessId}/providers/{providerId}/calendar-feed": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                businessId: components["parameters"]["businessId"];
                providerId: components["parameters"]["providerId"];
            };
            cookie?: never;
        };
        /** whether the provider's feed is issued (the provider themselves, or manager+) */
        get: operations["getProviderCalendarFeed"];
        put?: never;
        /** issue the provider's feed URL, or rotate it (the previous URL stops at once) */
        post: operations["issueProviderCalendarFeed"];
        /** revoke the provider's feed URL */
        delete: operations["revokeProviderCalendarFeed"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/businesses/{businessId}/providers/{providerId}/external-calendars": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                businessId: components["parameters"]["businessId"];
                providerId: components["parameters"]["providerId"];
            };
            cookie?: never;
        };
        /** the provider's external calendars with the state of their last fetch */
        get: operations["listExternalCalendars"];
        put?: never;
        /**
         * attach a calendar by its secret iCalendar address; it is fetched at once, then on its schedule
         * @description The address is fetched in the background (conditional GET, timeouts, a size limit); hosts resolving to loopback, private or link-local addresses are refused unless VISITD_FETCH_ALLOW_PRIVATE is set, and the refusal is shown as the calendar's lastError. Opaque, non-cancelled events (recurrences expanded in their own zones) are taken out of the provider's free slots.
         */
        post: operations["addExternalCalendar"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/businesses/{businessId}/providers/{providerId}/external-calendars/{calendarId}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                businessId: components["parameters"]["businessId"];
                providerId: components["parameters"]["providerId"];
                calendarId: components["parameters"]["calendarId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** detach a calendar; its busy times free up at once */
        delete: operations["removeExternalCalendar"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/businesses/{businessId}/providers/{providerId}/external-calendars/{calendarId}/fetch": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                businessId: components["parameters"]["businessId"];
                providerId: components["parameters"]["providerId"];
                calendarId: components["parameters"]["calendarId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** fetch the calendar now (in the background); the answer is its state before the fetch */
        post: operations["fetchExternalCalendar"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/businesses/{businessId}/rooms": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                businessId: components["parameters"]["businessId"];
            };
            cookie?: never;
        };
        /** the business's rooms booked elsewhere, by start, paged (manager+) */
        get: operations["listExternalRooms"];
        put?: never;
        /** create a room with a validity window and participants, each with a join link (manager+) */
        post: operations["createExternalRoom"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/businesses/{businessId}/rooms/{roomId}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                businessId: components["parameters"]["businessId"];
                /** @description the room of a booking has the booking's id */
                roomId: components["parameters"]["roomId"];
            };
            cookie?: never;
        };
        /** one room with its participants' join links (manager+) */
        get: operations["getExternalRoom"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** move the window and/or change the title; participants' links keep working (manager+) */
        patch: operations["updateExternalRoom"];
        trace?: never;
    };
    "/api/v1/businesses/{businessId}/rooms/{roomId}/participants": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                businessId: components["parameters"]["businessId"];
                /** @description the room of a booking has the booking's id */
                roomId: components["parameters"]["roomId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** add a participant (manager+) */
        post: operations["addExternalRoomParticipant"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/businesses/{businessId}/rooms/{roomId}/participants/{participantId}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                businessId: components["parameters"]["businessId"];
                /** @description the room of a booking has the booking's id */
                roomId: components["parameters"]["roomId"];
                /** @description a participant of a room booked elsewhere */
                participantId: components["parameters"]["participantId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** remove a participant; their link answers 410 and a live connection is closed (manager+) */
        delete: operations["removeExternalRoomParticipant"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/businesses/{businessId}/rooms/{roomId}/end": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                businessId: components["parameters"]["businessId"];
                /** @description the room of a booking has the booking's id */
                roomId: components["parameters"]["roomId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** end the room; everyone connected gets room.ended and links answer 410 (manager+) */
        post: operations["endExternalRoom"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public/businesses/{slug}/providers/{providerId}/photo": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                slug: components["parameters"]["slug"];
                providerId: components["parameters"]["providerId"];
            };
            cookie?: never;
        };
        /** a provider's photo (PNG, JPEG or WebP), cacheable for a day; its URL carries a version */
        get: operations["getPublicProviderPhoto"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/businesses/{businessId}/providers/{providerId}/photo": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                businessId: components["parameters"]["businessId"];
                providerId: components["parameters"]["providerId"];
            };
            cookie?: never;
        };
        get?: never;
        /**
         * upload a provider's photo (the provider or a manager+); the body is the image, its Content-Type must match its content
         * @description 413 over 256 KB; 415 when the bytes are not a PNG, JPEG or WebP image of the declared type.
         */
        put: operations["setProviderPhoto"];
        post?: never;
        /** remove a provider's photo (the provider or a manager+) */
        delete: operations["deleteProviderPhoto"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/businesses/{businessId}/embed": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                businessId: components["parameters"]["businessId"];
            };
            cookie?: never;
        };
        /** the sites allowed to embed the booking pages (manager+) */
        get: operations["getEmbed"];
        /**
         * replace the sites allowed to embed the booking pages (manager+)
         * @description The public booking pages (/b/{slug}...) and the business's manage pages are then served with `Content-Security-Policy: frame-ancestors <origins>`; every other page keeps `'none'`. 400 naming `origins[i]` for anything but an https origin without path, or `origins` beyond maxOrigins.
         */
        put: operations["setEmbed"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** @description RFC 9457 problem details */
        Problem: {
            /**
             * Format: uri
             * @example https://visitd.dev/problems/conflict
             */
            type: string;
            title: string;
            status: number;
            detail: string;
            errors: components["schemas"]["FieldError"][];
            /** @description on a 409 for a taken slot, the nearest free slots */
            nearest?: components["schemas"]["Slot"][];
            /**
             * Format: date-time
             * @description on a 403 room-too-early, when the room opens
             */
            opensAt?: string;
            /**
             * Format: date-time
             * @description on a 403 room-too-late, when the room closed
             */
            closedAt?: string;
            /** @description on a 410 of a manage or join link (expired, replaced, cancelled), the clinic's public face so the page can say whose appointment it was and how to reach them; nothing of the consumer's */
            business?: {
                name: string;
                slug: string;
                logoUrl?: string;
                contact: components["schemas"]["Contact"];
            };
        };
        FieldError: {
            /** @example consumer.email */
            field: string;
            /** @example is required */
            message: string;
        };
        Health: {
            /** @enum {string} */
            status: "ok" | "ready";
        };
        Credentials: {
            email: string;
            password: string;
        };
        User: {
            id: string;
            email: string;
            name: string;
        };
        /** @enum {string} */
        Role: "owner" | "manager" | "provider";
        Membership: {
            businessId: string;
            businessName: string;
            slug: string;
            role: components["schemas"]["Role"];
        };
        Me: {
            user: components["schemas"]["User"];
            memberships: components["schemas"]["Membership"][];
            /** @description with a session cookie (always after login); absent for a bearer token */
            csrfToken?: string;
        };
        TimeRange: {
            /**
             * @description HH:MM, 00:00 to 23:59
             * @example 09:00
             */
            start: string;
            /**
             * @description HH:MM, 00:01 to 24:00, after start
             * @example 17:00
             */
            end: string;
        };
        WeeklyRange: {
            /** @description 1 = Monday */
            weekday: number;
            /** @example 09:00 */
            start: string;
            /** @example 17:00 */
            end: string;
        };
        Rules: {
            /** @description a consumer may cancel until this long before the start */
            cancelCutoffHours: number;
            /** @description a consumer may reschedule until this long before the start */
            rescheduleCutoffHours: number;
            reminderOffsetsMinutes: number[];
        };
        Business: {
            id: string;
            slug: string;
            name: string;
            /** @example Europe/London */
            timeZone: string;
            rules: components["schemas"]["Rules"];
        };
        /** @description only the fields present change */
        BusinessChange: {
            name?: string;
            /** @description IANA zone */
            timeZone?: string;
            rules?: {
                cancelCutoffHours?: number;
                rescheduleCutoffHours?: number;
                reminderOffsetsMinutes?: number[];
            };
        };
        Question: {
            key: string;
            label: string;
            /** @enum {string} */
            kind: "shortText" | "longText" | "singleChoice";
            required: boolean;
            choices: string[];
        };
        QuestionInput: {
            /** @description optional: a question without one gets a key derived from its label (unique in the service); send it back to keep it */
            key?: string;
            label: string;
            /** @enum {string} */
            kind: "shortText" | "longText" | "singleChoice";
            /** @default false */
            required: boolean;
            choices?: string[];
        };
        /** @description maxPerDay is left out of the public booking page's copy */
        Service: {
            id: string;
            name: string;
            durationMinutes: number;
            bufferBeforeMinutes: number;
            bufferAfterMinutes: number;
            minNoticeMinutes: number;
            bookingWindowDays: number;
            slotIntervalMinutes: number;
            /** @description per provider per provider-local day; 0 = unlimited */
            maxPerDay?: number;
            /** @description the appointment room opens this long before the start */
            roomOpenBeforeMinutes: number;
            /** @description the appointment room closes this long after the end */
            roomCloseAfterMinutes: number;
            /** @description the consumer skips the lobby */
            roomAutoAdmit: boolean;
            providerIds: string[];
            questions: components["schemas"]["Question"][];
        };
        /** @description On create, name, durationMinutes and providerIds are required; on PATCH only the fields present change (lists are replaced whole). The service rules bound the values further (e.g. slotIntervalMinutes from 5). */
        ServiceInput: {
            name?: string;
            durationMinutes?: number;
            bufferBeforeMinutes?: number;
            bufferAfterMinutes?: number;
            minNoticeMinutes?: number;
            bookingWindowDays?: number;
            slotIntervalMinutes?: number;
            maxPerDay?: number;
            /** @default 15 */
            roomOpenBeforeMinutes: number;
            /** @default 30 */
            roomCloseAfterMinutes: number;
            /** @default false */
            roomAutoAdmit: boolean;
            providerIds?: string[];
            questions?: components["schemas"]["QuestionInput"][];
        };
        NewService: components["schemas"]["ServiceInput"] & unknown;
        ProviderRef: {
            id: string;
            name: string;
            timeZone: string;
        };
        Provider: {
            id: string;
            name: string;
            timeZone: string;
            /** @description the staff login that is this provider */
            userId: string | null;
        };
        ProviderDetail: {
            id: string;
            name: string;
            timeZone: string;
            userId: string | null;
            weekly: components["schemas"]["WeeklyRange"][];
            overrides: components["schemas"]["Override"][];
            timeOff: components["schemas"]["TimeOff"][];
        };
        NewProvider: {
            name: string;
            /** @description IANA zone */
            timeZone: string;
            userId?: string | null;
        };
        /** @description only the fields present change; userId null unlinks the login */
        ProviderChange: {
            name?: string;
            timeZone?: string;
            userId?: string | null;
        };
        WeeklyHours: {
            /** @description the provider's zone the wall-clock ranges are in */
            timeZone: string;
            weekly: components["schemas"]["WeeklyRange"][];
        };
        WeeklyHoursInput: {
            /** @description at most 12 ranges per weekday, not overlapping */
            weekly: components["schemas"]["WeeklyRange"][];
        };
        Override: {
            id: string;
            /** Format: date */
            date: string;
            /** @description no ranges that day */
            closed: boolean;
            ranges: components["schemas"]["TimeRange"][];
        };
        OverrideInput: {
            /** Format: date */
            date: string;
            /** @description empty = closed that day */
            ranges: components["schemas"]["TimeRange"][];
        };
        TimeOff: {
            id: string;
            /**
             * Format: date-time
             * @description in the provider's zone
             */
            start: string;
            /** Format: date-time */
            end: string;
            reason: string;
        };
        TimeOffInput: {
            /** Format: date-time */
            start: string;
            /**
             * Format: date-time
             * @description after start, at most 366 days later
             */
            end: string;
            reason?: string;
        };
        PublicBusiness: {
            slug: string;
            name: string;
            timeZone: string;
            services: components["schemas"]["Service"][];
            providers: components["schemas"]["ProviderRef"][];
        };
        /**
         * @example {
         *       "start": "2026-03-09T09:00:00-04:00",
         *       "end": "2026-03-09T09:30:00-04:00",
         *       "providerIds": [
         *         "p_1"
         *       ]
         *     }
         */
        Slot: {
            /** Format: date-time */
            start: string;
            /** Format: date-time */
            end: string;
            /** @description the providers free for this slot */
            providerIds: string[];
        };
        Slots: {
            timeZone: string;
            days: {
                /**
                 * Format: date
                 * @description a local date in timeZone
                 */
                date: string;
                slots: components["schemas"]["Slot"][];
            }[];
        };
        /** @enum {string} */
        BookingStatus: "confirmed" | "cancelled" | "completed" | "noShow";
        Consumer: {
            name: string;
            email: string;
            /** @description E.164, or empty */
            phone: string;
            timeZone: string;
        };
        ConsumerInput: {
            name: string;
            /** Format: email */
            email: string;
            /** @description international form (+44 20 7946 0958); stored and answered in E.164 */
            phone?: string;
            /** @description the consumer agrees to SMS (needs phone); stored with its time */
            smsConsent?: boolean;
            /** @description IANA zone; the answer's times are written in it */
            timeZone: string;
        };
        /**
         * @example {
         *       "serviceId": "s_1",
         *       "start": "2026-03-09T09:00:00-04:00",
         *       "consumer": {
         *         "name": "Ada Lovelace",
         *         "email": "ada@example.com",
         *         "timeZone": "America/New_York"
         *       }
         *     }
         */
        NewBooking: {
            serviceId: string;
            /** @description omit for any provider (round robin) */
            providerId?: string;
            /** Format: date-time */
            start: string;
            consumer: components["schemas"]["ConsumerInput"];
            /** @description question key to answer */
            answers?: {
                [key: string]: string | null;
            };
        };
        NamedRef: {
            id: string;
            name: string;
        };
        /** @description a booking as its consumer sees it, times in the consumer's zone */
        Booking: {
            id: string;
            status: components["schemas"]["BookingStatus"];
            /** Format: date-time */
            start: string;
            /** Format: date-time */
            end: string;
            service: components["schemas"]["NamedRef"];
            provider: components["schemas"]["NamedRef"];
            consumer: components["schemas"]["Consumer"];
            answers: {
                [key: string]: string;
            };
            /** @description only once cancelled */
            cancelReason?: string;
        };
        /**
         * @example {
         *       "booking": {
         *         "id": "b_7Qm2",
         *         "status": "confirmed",
         *         "start": "2026-03-09T09:00:00-04:00",
         *         "end": "2026-03-09T09:30:00-04:00",
         *         "service": {
         *           "id": "s_1",
         *           "name": "Consultation"
         *         },
         *         "provider": {
         *           "id": "p_1",
         *           "name": "Dr Ada"
         *         },
         *         "consumer": {
         *           "name": "Ada Lovelace",
         *           "email": "ada@example.com",
         *           "phone": "",
         *           "timeZone": "America/New_York"
         *         },
         *         "answers": {
         *           "reason": "check-up"
         *         }
         *       },
         *       "manageUrl": "https://visitd.example/m/eyJr...",
         *       "joinUrl": "https://visitd.example/j/eyJr..."
         *     }
         */
        BookingWithLinks: {
            booking: components["schemas"]["Booking"];
            /**
             * Format: uri
             * @description the consumer's page for this booking
             */
            manageUrl: string;
            /**
             * Format: uri
             * @description the consumer's way into the appointment room
             */
            joinUrl: string;
        };
        CancelledBooking: {
            booking: components["schemas"]["Booking"];
        };
        ManageView: {
            booking: components["schemas"]["Booking"];
            business: {
                slug: string;
                name: string;
                timeZone: string;
            };
            policy: {
                canCancel: boolean;
                canReschedule: boolean;
                cancelCutoffHours: number;
                rescheduleCutoffHours: number;
                /** Format: date-time */
                cancelDeadline: string;
                /** Format: date-time */
                rescheduleDeadline: string;
            };
            /** Format: uri */
            joinUrl: string;
        };
        Reschedule: {
            /** Format: date-time */
            start: string;
        };
        CancelReason: {
            reason?: string;
        };
        HistoryEntry: {
            /** Format: date-time */
            at: string;
            /** @example rescheduled */
            action: string;
            actor: string;
            /** Format: date-time */
            fromStart: string;
            /** Format: date-time */
            fromEnd: string;
            /** Format: date-time */
            toStart: string;
            /** Format: date-time */
            toEnd: string;
            reason: string;
        };
        /** @description a booking as staff see it: the service and provider by id (the console has both lists), times in the requested display zone, with history */
        StaffBooking: {
            id: string;
            businessId: string;
            serviceId: string;
            providerId: string;
            status: components["schemas"]["BookingStatus"];
            /** Format: date-time */
            start: string;
            /** Format: date-time */
            end: string;
            consumer: components["schemas"]["Consumer"];
            answers: {
                [key: string]: string;
            };
            cancelReason: string;
            /** Format: date-time */
            createdAt: string;
            history: components["schemas"]["HistoryEntry"][];
        };
        MovedStaffBooking: components["schemas"]["StaffBooking"] & {
            /**
             * Format: uri
             * @description fresh consumer links after the move
             */
            manageUrl: string;
            /** Format: uri */
            joinUrl: string;
        };
        StaffBookingPage: {
            items: components["schemas"]["StaffBooking"][];
            total: number;
            limit: number;
            offset: number;
        };
        StaffReschedule: {
            /** Format: date-time */
            start: string;
            /** @description move to another provider of the service */
            providerId?: string | null;
        };
        StaffCancel: {
            reason?: string;
        };
        StaffMember: {
            user: components["schemas"]["User"];
            role: components["schemas"]["Role"];
        };
        StaffMembers: {
            items: components["schemas"]["StaffMember"][];
        };
        /** @description the address to invite; the invited person chooses their own name and password */
        NewStaffMember: {
            /** Format: email */
            email: string;
            role: components["schemas"]["Role"];
        };
        Invitation: {
            id: string;
            /** Format: email */
            email: string;
            role: components["schemas"]["Role"];
            /** @enum {string} */
            status: "pending" | "expired" | "accepted" | "revoked";
            /** Format: date-time */
            createdAt: string;
            /**
             * Format: date-time
             * @description the link's end; a resend moves it
             */
            expiresAt: string;
        };
        Invitations: {
            items: components["schemas"]["Invitation"][];
        };
        InvitationPreview: {
            businessName: string;
            /** Format: email */
            email: string;
            role: components["schemas"]["Role"];
            /** Format: date-time */
            expiresAt: string;
            /** @description the address has an account: accept with its password (no name) */
            hasAccount: boolean;
        };
        InvitationAcceptance: {
            /** @description a new account's name (required then; refused for an existing account) */
            name?: string;
            /** @description the existing account's password, or the new one's (at least 10 characters) */
            password: string;
        };
        RoleChange: {
            role: components["schemas"]["Role"];
        };
        ApiToken: {
            id: string;
            name: string;
            role: components["schemas"]["Role"];
            /** @description the staff member who created it; it acts as them, capped at role */
            userId: string;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            lastUsedAt: string | null;
        };
        CreatedApiToken: components["schemas"]["ApiToken"] & {
            /** @description the secret, shown only here: Authorization: Bearer <token> */
            token: string;
        };
        CalendarFeed: {
            /** @description whether a feed URL is issued */
            active: boolean;
            /** @description when the current URL was issued; null when none is */
            createdAt: string | null;
        };
        IssuedCalendarFeed: {
            /** @constant */
            active: true;
            /** Format: date-time */
            createdAt: string;
            /** @description the subscription URL (https or http as the server is reached); shown only now */
            url: string;
            /** @description the same address as webcal://, which calendar apps open as "subscribe" */
            webcalUrl: string;
        };
        ExternalCalendar: {
            id: string;
            providerId: string;
            name: string;
            /** @description scheme and host of the secret address only, e.g. https://calendar.google.com/… */
            address: string;
            refreshMinutes: number;
            /**
             * @description pending before the first fetch; error when the last fetch failed (its busy times stay as last fetched)
             * @enum {string}
             */
            status: "pending" | "ok" | "error";
            lastFetchAt: string | null;
            lastSuccessAt: string | null;
            /** @description what the last fetch got: the calendar (fetched), 304 Not Modified (its stored copy was read again), or nothing (failed) */
            lastResult: ("fetched" | "not_modified" | "failed") | null;
            /** @description why the last fetch failed (timeout, size limit, HTTP status, refused address, not iCalendar) */
            lastError: string | null;
            /** @description busy intervals taken from it now */
            busyCount: number;
        };
        ExternalCalendars: {
            items: components["schemas"]["ExternalCalendar"][];
        };
        NewExternalCalendar: {
            name: string;
            /** @description the calendar's secret iCalendar address (http, https, or webcal read as https) */
            url: string;
            /** @description default VISITD_CALENDAR_REFRESH_MINUTES */
            refreshMinutes?: number;
        };
        ApiTokens: {
            items: components["schemas"]["ApiToken"][];
        };
        NewApiToken: {
            name: string;
            role: components["schemas"]["Role"];
        };
        /** @enum {string} */
        WebhookEventType: "booking.created" | "booking.rescheduled" | "booking.cancelled" | "booking.completed" | "booking.no_show" | "room.opened" | "room.ended" | "message.failed";
        Webhook: {
            id: string;
            /**
             * Format: uri
             * @example https://crm.example.com/hooks/visitd
             */
            url: string;
            eventTypes: components["schemas"]["WebhookEventType"][];
            description: string;
            /** @description a disabled endpoint is sent nothing: events meanwhile are not recorded for it, deliveries already owed wait */
            enabled: boolean;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        CreatedWebhook: components["schemas"]["Webhook"] & {
            /**
             * @description the signing secret (whsec_...), shown only here
             * @example whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw
             */
            secret: string;
        };
        Webhooks: {
            items: components["schemas"]["Webhook"][];
        };
        NewWebhook: {
            /** @description http or https; loopback, private, link-local, CGNAT and ULA targets are refused after DNS resolution unless configured */
            url: string;
            eventTypes: components["schemas"]["WebhookEventType"][];
            description?: string;
            /** @default true */
            enabled: boolean;
        };
        WebhookPatch: {
            url?: string;
            eventTypes?: components["schemas"]["WebhookEventType"][];
            description?: string;
            enabled?: boolean;
        };
        WebhookAttempt: {
            /** Format: date-time */
            at: string;
            /** @description the receiver's HTTP status; null when no answer came */
            responseCode: number | null;
            latencyMs: number;
            /** @description empty on a 2xx answer */
            error: string;
        };
        WebhookDelivery: {
            id: string;
            /** @description the webhook-id header; the same for every attempt and redelivery of one event */
            messageId: string;
            eventType: components["schemas"]["WebhookEventType"];
            /** @description the booking (or room) whose deliveries are kept in order */
            subject: string;
            /** @enum {string} */
            status: "pending" | "sending" | "delivered" | "failed";
            attempts: components["schemas"]["WebhookAttempt"][];
            /** Format: date-time */
            createdAt: string;
            /**
             * Format: date-time
             * @description when a pending delivery is tried next
             */
            nextAttemptAt: string | null;
            /** Format: date-time */
            deliveredAt: string | null;
            /** @description the exact JSON body that is signed and sent */
            payload: string;
        };
        WebhookDeliveries: {
            items: components["schemas"]["WebhookDelivery"][];
        };
        AuditEntry: {
            id: string;
            /** Format: date-time */
            at: string;
            /** @example user:u_1 */
            actor: string;
            /** @example booking.cancelled */
            action: string;
            target: string;
            detail: string;
            /** @description the user's or API token's current name; null for consumer, system or unknown */
            actorName: string | null;
            /** @description a booking's client, or the current name of the provider, service, staff member, token or business; null when unknown */
            targetName: string | null;
        };
        AuditPage: {
            items: components["schemas"]["AuditEntry"][];
            limit: number;
            offset: number;
            /** @description entries matching the filters, all pages */
            total: number;
        };
        InsightCounts: {
            /** @description all bookings, cancelled ones included */
            bookings: number;
            confirmed: number;
            completed: number;
            noShow: number;
            cancelled: number;
        };
        InsightDay: components["schemas"]["InsightCounts"] & {
            /**
             * Format: date
             * @description a local date of the business's zone
             */
            date: string;
        };
        InsightWeek: components["schemas"]["InsightCounts"] & {
            /**
             * Format: date
             * @description the week's Monday (may lie before the period)
             */
            weekStart: string;
        };
        InsightReminders: {
            /** @description planned or being sent */
            pending: number;
            /** @description handed to the mail relay or SMS gateway */
            sent: number;
            /** @description confirmed by the carrier (SMS) */
            delivered: number;
            failed: number;
            /** @description withdrawn (moved, cancelled), opted out, or no address */
            skipped: number;
            /** @description (sent + delivered) / (sent + delivered + failed); null when none finished */
            deliveryRate: number | null;
            /** @description failed / (sent + delivered + failed) */
            failureRate: number | null;
        };
        /** @description The manager's numbers over a period, counted in the business's zone. A booking belongs to the local date on which it starts; weeks run Monday to Sunday. */
        Insights: {
            /** Format: date */
            from: string;
            /** Format: date */
            to: string;
            /** @description the business's IANA zone */
            timeZone: string;
            providerId: string | null;
            serviceId: string | null;
            totals: components["schemas"]["InsightCounts"];
            /** @description every date of the period */
            days: components["schemas"]["InsightDay"][];
            weeks: components["schemas"]["InsightWeek"][];
            /** @description utilisation per provider (booked vs available time in the period) */
            providers: {
                providerId: string;
                name: string;
                /** @description weekly hours and date overrides minus time off */
                availableMinutes: number;
                /** @description bookings that are not cancelled */
                bookedMinutes: number;
                /** @description booked / available; null without available time */
                utilisation: number | null;
            }[];
            leadTime: {
                count: number;
                medianMinutes: number | null;
                meanMinutes: number | null;
                buckets: {
                    /** @enum {string} */
                    bucket: "under1Day" | "days1To3" | "days4To7" | "days8To14" | "days15To30" | "over30Days";
                    count: number;
                }[];
            };
            rates: {
                /** @description cancelled / all bookings */
                cancellation: number | null;
                /** @description no-shows / appointments that are over (not cancelled) */
                noShow: number | null;
                pastAppointments: number;
            };
            reminders: {
                all: components["schemas"]["InsightReminders"];
                email: components["schemas"]["InsightReminders"];
                sms: components["schemas"]["InsightReminders"];
            };
        };
        BookingNote: {
            text: string;
            /**
             * Format: date-time
             * @description null until first saved
             */
            updatedAt: string | null;
        };
        BookingNoteInput: {
            text: string;
        };
        VideoSetup: {
            roomsEnabled: boolean;
            /** @description a TURN secret and at least one turn URL are configured */
            relayConfigured: boolean;
            /** @description the STUN URLs a join carries */
            stunUrls: string[];
        };
        TemplatePreviewInput: {
            kind: components["schemas"]["MessageKind"];
            channel: components["schemas"]["Channel"];
            subject?: string;
            textBody?: string;
            htmlBody?: string;
        };
        TemplatePreview: {
            subject: string;
            textBody: string;
            htmlBody: string;
        };
        Providers: {
            items: components["schemas"]["Provider"][];
        };
        Services: {
            items: components["schemas"]["Service"][];
        };
        Overrides: {
            items: components["schemas"]["Override"][];
        };
        TimeOffs: {
            items: components["schemas"]["TimeOff"][];
        };
        /** @enum {string} */
        MessageKind: "confirmation" | "reschedule" | "cancellation" | "reminder";
        /** @enum {string} */
        Channel: "email" | "sms";
        /** @description One planned or sent message. no-address: the recipient has no e-mail address or phone number on record; withdrawn: visitd chose not to send it (replaced by a reschedule, overtaken by a later reminder, a cancellation of an appointment the recipient was never sent, the appointment already started). */
        OutboxMessage: {
            id: string;
            kind: components["schemas"]["MessageKind"];
            channel: components["schemas"]["Channel"];
            /** @enum {string} */
            recipient: "consumer" | "provider";
            /** @enum {string} */
            status: "planned" | "sending" | "sent" | "delivered" | "failed" | "withdrawn" | "suppressed-opt-out" | "no-address";
            /** Format: date-time */
            dueAt: string;
            attempts: number;
            /** @description why it failed, was withdrawn or suppressed */
            lastError: string;
            /** @description the gateway's own error code for the last failure (e.g. Twilio's 21610), or empty */
            errorCode: string;
            address: string;
            /** @description the SMTP Message-ID or the SMS gateway's sid */
            carrierId: string;
            /** @description the iCalendar SEQUENCE the message carries */
            sequence: number;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            sentAt: string | null;
            /** @description reminders only, minutes before the start */
            offsetMinutes?: number;
            /**
             * Format: date-time
             * @description a planned message that failed before
             */
            nextAttemptAt?: string;
        };
        BookingMessages: {
            items: components["schemas"]["OutboxMessage"][];
            /** Format: date-time */
            smsConsentAt: string | null;
            /** Format: date-time */
            smsOptedOutAt: string | null;
        };
        NotificationRoute: {
            /** @enum {string} */
            to: "consumer" | "provider";
            channel: components["schemas"]["Channel"];
        };
        /**
         * @description which messages go to whom on which channel (SMS to consumers only), and the reminder offsets
         * @example {
         *       "confirmation": [
         *         {
         *           "to": "consumer",
         *           "channel": "email"
         *         }
         *       ],
         *       "reschedule": [
         *         {
         *           "to": "consumer",
         *           "channel": "email"
         *         }
         *       ],
         *       "cancellation": [
         *         {
         *           "to": "consumer",
         *           "channel": "email"
         *         },
         *         {
         *           "to": "provider",
         *           "channel": "email"
         *         }
         *       ],
         *       "reminder": [
         *         {
         *           "to": "consumer",
         *           "channel": "sms"
         *         }
         *       ],
         *       "reminderOffsetsMinutes": [
         *         1440,
         *         60
         *       ]
         *     }
         */
        NotificationPolicy: {
            confirmation: components["schemas"]["NotificationRoute"][];
            reschedule: components["schemas"]["NotificationRoute"][];
            cancellation: components["schemas"]["NotificationRoute"][];
            reminder: components["schemas"]["NotificationRoute"][];
            reminderOffsetsMinutes: number[];
        };
        ServiceNotificationPolicy: components["schemas"]["NotificationPolicy"] & {
            /** @description false = inherited from the business */
            overridden: boolean;
        };
        MessageTemplate: {
            kind: components["schemas"]["MessageKind"];
            channel: components["schemas"]["Channel"];
            subject: string;
            textBody: string;
            htmlBody: string;
        };
        MessageTemplates: {
            items: components["schemas"]["MessageTemplate"][];
        };
        /** @description Mustache; an empty part keeps the built-in default; values are HTML-escaped in htmlBody */
        TemplateInput: {
            subject?: string;
            textBody?: string;
            htmlBody?: string;
        };
        SmsStatus: {
            MessageSid: string;
            /** @description delivered, undelivered and failed change the message; others are ignored */
            MessageStatus: string;
            ErrorCode?: string;
        };
        SmsInbound: {
            /** @description E.164 */
            From: string;
            /** @description STOP (and synonyms) opts out, START opts in, HELP answers */
            Body?: string;
        };
        Price: {
            /** @example 45.50 */
            amount: string;
            /** @example EUR */
            currency: string;
        };
        ServiceWords: {
            id: string;
            description: string;
            price: components["schemas"]["Price"] | null;
        };
        ServiceWordsInput: {
            description?: string;
            /** @description null or absent shows no price */
            price?: components["schemas"]["Price"] | null;
        };
        ProviderWords: {
            id: string;
            title: string;
            bio: string;
            /** @description the provider photo (profile answers only); changes whenever the photo changes */
            photoUrl?: string | null;
        };
        ProviderWordsInput: {
            title?: string;
            bio?: string;
        };
        Contact: {
            phone: string;
            email: string;
            address: string;
        };
        Profile: {
            name: string;
            description: string;
            contact: components["schemas"]["Contact"];
            /** @description #rrggbb, or empty for the default */
            accentColor: string;
            /** @description changes whenever the logo changes */
            logoUrl: string | null;
            policy: {
                cancelCutoffHours: number;
                rescheduleCutoffHours: number;
            };
            services: components["schemas"]["ServiceWords"][];
            providers: components["schemas"]["ProviderWords"][];
        };
        /** @description absent fields keep their value */
        ProfileInput: {
            description?: string;
            /** @description #rrggbb, or empty for the default */
            accentColor?: string;
            contact?: {
                phone?: string;
                /** @description an email address, or empty */
                email?: string;
                address?: string;
            };
        };
        Embed: {
            /** @description the sites allowed to show the booking pages in an iframe, canonical (https://host[:port]) */
            origins: string[];
            /** @example 10 */
            maxOrigins: number;
        };
        EmbedInput: {
            /** @description https origins without path; replaces the whole list; an empty list forbids framing again (frame-ancestors 'none') */
            origins: string[];
        };
        RoomPreview: {
            roomId: string;
            /** @enum {string} */
            status: "open" | "early" | "closed" | "ended" | "denied";
            /** Format: date-time */
            opensAt: string;
            /** Format: date-time */
            closesAt: string;
            booking: {
                /** Format: date-time */
                start: string;
                /** Format: date-time */
                end: string;
                service: components["schemas"]["NamedRef"];
                provider: components["schemas"]["NamedRef"];
                /**
                 * Format: date-time
                 * @description the start before the latest reschedule, when moved
                 */
                movedFrom?: string;
            };
            bookingStatus: components["schemas"]["BookingStatus"];
            business: {
                name: string;
                slug: string;
            };
        };
        IceServer: {
            /**
             * @example [
             *       "turn:turn.example.com:3478?transport=udp"
             *     ]
             */
            urls: string[];
            /** @description TURN REST credential user, <expiry>:<participant> */
            username?: string;
            credential?: string;
        };
        JoinAnswer: {
            roomId: string;
            /** @description for the WebSocket auth message and Authorization: Bearer on chat history */
            roomToken: string;
            /** Format: date-time */
            expiresAt: string;
            participant: {
                id: string;
                /** @enum {string} */
                role: "host" | "guest";
                name: string;
            };
            /** @description the guest waits in the lobby until a host admits them */
            lobby: boolean;
            /** Format: date-time */
            opensAt: string;
            /** Format: date-time */
            closesAt: string;
            /** @example /api/v1/live */
            wsPath: string;
            iceServers: components["schemas"]["IceServer"][];
        };
        ChatMessage: {
            seq: number;
            /** @description participant id */
            from: string;
            name: string;
            text: string;
            /** Format: date-time */
            at: string;
            /** Format: date-time */
            editedAt?: string;
            /** @constant */
            deleted?: true;
        };
        ChatPage: {
            items: components["schemas"]["ChatMessage"][];
            /** @description pass as before for the older page; null at the start */
            nextBefore: number | null;
            lastSeq: number;
        };
        /** @enum {string} */
        RoomRole: "host" | "guest";
        RoomParticipantInput: {
            displayName: string;
            role: components["schemas"]["RoomRole"];
            /** @description invitations go here */
            email?: string;
            /** @description international form; stored as E.164 */
            phone?: string;
            /** @description the outside system's own id */
            externalId?: string;
        };
        RoomParticipant: {
            id: string;
            displayName: string;
            role: components["schemas"]["RoomRole"];
            email?: string;
            /** @description E.164 */
            phone?: string;
            externalId?: string;
            /** @description this participant's own link to the join page (GET/POST /api/v1/join/{token}) */
            joinUrl: string;
        };
        /**
         * @example {
         *       "start": "2026-03-09T14:00:00Z",
         *       "end": "2026-03-09T15:00:00Z",
         *       "title": "Follow-up consultation",
         *       "participants": [
         *         {
         *           "displayName": "Grace Hopper",
         *           "role": "guest",
         *           "email": "grace@example.test",
         *           "externalId": "crm-4711"
         *         },
         *         {
         *           "displayName": "Dr Ada Lovelace",
         *           "role": "host"
         *         }
         *       ]
         *     }
         */
        NewExternalRoom: {
            /**
             * Format: date-time
             * @description the room opens (RFC 3339 with offset)
             */
            start: string;
            /**
             * Format: date-time
             * @description the room closes; after start, at most 7 days later
             */
            end: string;
            title: string;
            /** @description a provider of this business who may host (their login joins as host) */
            providerId?: string;
            /**
             * @description guests wait until a host admits them
             * @default true
             */
            lobby: boolean;
            participants?: components["schemas"]["RoomParticipantInput"][];
        };
        ExternalRoomChange: {
            /** Format: date-time */
            start?: string;
            /** Format: date-time */
            end?: string;
            title?: string;
        };
        ExternalRoom: {
            /** @description the room id (POST /api/v1/rooms/{roomId}/join for staff) */
            id: string;
            title: string;
            /** Format: date-time */
            start: string;
            /** Format: date-time */
            end: string;
            providerId: string | null;
            lobby: boolean;
            /** @enum {string} */
            status: "scheduled" | "ended";
            /** @description present participants (a removed one is gone for good) */
            participants: components["schemas"]["RoomParticipant"][];
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
            /** Format: date-time */
            endedAt: string | null;
        };
        ExternalRoomPage: {
            items: components["schemas"]["ExternalRoom"][];
            limit: number;
            offset: number;
            total: number;
        };
    };
    responses: {
        /** @description `invalid-request`: a field, query parameter or header is missing or malformed; `errors` names each one (`consumer.email`, `weekly[2].end`, `Idempotency-Key`...). Also `malformed-request` for a request that is not HTTP/1.1. */
        BadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "https://visitd.dev/problems/invalid-request",
                 *       "title": "Invalid request",
                 *       "status": 400,
                 *       "detail": "invalid fields",
                 *       "errors": [
                 *         {
                 *           "field": "start",
                 *           "message": "must be an RFC 3339 time with an offset, e.g. 2026-03-08T09:00:00-04:00"
                 *         }
                 *       ]
                 *     }
                 */
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description `unauthorized`: no session cookie or bearer token, or an expired or revoked one */
        Unauthorized: {
            headers: {
                "WWW-Authenticate": components["headers"]["WwwAuthenticate"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "https://visitd.dev/problems/unauthorized",
                 *       "title": "Unauthorized",
                 *       "status": 401,
                 *       "detail": "sign in first: session cookie or bearer token required",
                 *       "errors": []
                 *     }
                 */
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description `forbidden`: the caller's role in the business is too low, a provider reached for another provider's record, or a session request of an unsafe method lacks the X-CSRF-Token header */
        Forbidden: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "https://visitd.dev/problems/forbidden",
                 *       "title": "Forbidden",
                 *       "status": 403,
                 *       "detail": "this needs the manager role or higher",
                 *       "errors": []
                 *     }
                 */
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description `not-found`: no such resource, or not one the caller may know of (another business's ids, a forged capability token) */
        NotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description `conflict`: the state changed under the request (a taken slot, with the nearest free slots in `nearest`; a duplicate); `policy`: a rule refuses it (a cutoff passed, a status that does not allow the change, the last owner) */
        Conflict: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "https://visitd.dev/problems/conflict",
                 *       "title": "Conflict",
                 *       "status": 409,
                 *       "detail": "this slot is no longer free",
                 *       "errors": [],
                 *       "nearest": [
                 *         {
                 *           "start": "2026-03-09T09:30:00-04:00",
                 *           "end": "2026-03-09T10:00:00-04:00",
                 *           "providerIds": [
                 *             "p_1"
                 *           ]
                 *         }
                 *       ]
                 *     }
                 */
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description `link-expired`: the capability link expired (the booking ended long enough ago); `link-revoked`: a reschedule or a reissue by staff replaced this link (use the newest one sent); `booking-cancelled`: the booking was cancelled (the link shows nothing more); `invitation-used` / `invitation-revoked` / `invitation-expired`: a staff invitation link was already accepted, was withdrawn, or ran out; for a participant link of a room booked elsewhere, `participant-removed` (removed from the room) and `room-ended` (the room was ended) */
        Gone: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description `body-too-large` / `too-large`: the body exceeds the server's or the field's limit */
        TooLarge: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description `unsupported-media-type`: a body was sent without Content-Type application/json */
        UnsupportedMediaType: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description `rate-limited`: too many requests from this address */
        RateLimited: {
            headers: {
                "Retry-After": components["headers"]["RetryAfter"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "https://visitd.dev/problems/rate-limited",
                 *       "title": "Too many requests",
                 *       "status": 429,
                 *       "detail": "too many requests from this address; retry after 12 seconds",
                 *       "errors": []
                 *     }
                 */
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description `server-busy` (Retry-After): the worker pool is saturated; `password-checks-busy` (Retry-After, login): every password-check slot is taken; `unavailable`: this store keeps no branding */
        Unavailable: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
    };
    parameters: {
        businessId: string;
        providerId: string;
        serviceId: string;
        bookingId: string;
        userId: string;
        tokenId: string;
        webhookId: string;
        deliveryId: string;
        overrideId: string;
        timeOffId: string;
        messageId: string;
        /** @description the room of a booking has the booking's id */
        roomId: string;
        /** @description a participant of a room booked elsewhere */
        participantId: string;
        slug: string;
        calendarId: string;
        invitationId: string;
        /** @description the secret of an invitation link (mailed to the invited address) */
        invitationToken: string;
        /** @description the secret token of a calendar feed's URL (shown once, when the feed is issued) */
        feedToken: string;
        /** @description capability token from manageUrl */
        manageToken: string;
        /** @description capability token from joinUrl */
        joinToken: string;
        /** @description 1 to 200 printable ASCII characters. A retry with the same key and body returns the first answer; the same key with another body is a 422. */
        idempotencyKey: string;
        /** @description base64 HMAC-SHA1 with the gateway's auth token over the public URL and the sorted form parameters */
        twilioSignature: string;
        /** @description IANA zone the answer's times are written in; default the business's zone */
        displayZone: string;
    };
    requestBodies: never;
    headers: {
        /** @description seconds until a retry may succeed */
        RetryAfter: number;
        /** @description Bearer realm="visitd" */
        WwwAuthenticate: string;
        /** @description the manage resource of the new booking */
        Location: string;
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getHealth: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description alive: {"status":"ok"} */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Health"];
                };
            };
        };
    };
    getReadiness: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description ready: {"status":"ready"} */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Health"];
                };
            };
            503: components["responses"]["Unavailable"];
        };
    };
    getMetrics: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the metrics */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
        };
    };
    login: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Credentials"];
            };
        };
        responses: {
            /** @description signed in; the answer carries the csrfToken for unsafe requests */
            200: {
                headers: {
                    /** @description visitd_session=<token>; HttpOnly; SameSite=Lax; Path=/; Max-Age=<session hours> */
                    "Set-Cookie": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Me"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
        };
    };
    logout: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description signed out */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            503: components["responses"]["Unavailable"];
        };
    };
    getMe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the caller */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Me"];
                };
            };
            401: components["responses"]["Unauthorized"];
            503: components["responses"]["Unavailable"];
        };
    };
    getPublicBusiness: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                slug: components["parameters"]["slug"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the business */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PublicBusiness"];
                };
            };
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    getPublicSlots: {
        parameters: {
            query: {
                serviceId: string;
                /** @description omit for any provider */
                providerId?: string;
                from: string;
                /** @description inclusive; at most 62 days after from */
                to: string;
                /** @description IANA zone for display only; it never changes which instants are free */
                timeZone: string;
            };
            header?: never;
            path: {
                slug: components["parameters"]["slug"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the slots */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Slots"];
                };
            };
            400: components["responses"]["BadRequest"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    createBooking: {
        parameters: {
            query?: never;
            header?: {
                /** @description 1 to 200 printable ASCII characters. A retry with the same key and body returns the first answer; the same key with another body is a 422. */
                "Idempotency-Key"?: components["parameters"]["idempotencyKey"];
            };
            path: {
                slug: components["parameters"]["slug"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NewBooking"];
            };
        };
        responses: {
            /** @description booked (or, for a repeated Idempotency-Key with the same body, the first answer again) */
            201: {
                headers: {
                    Location: components["headers"]["Location"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BookingWithLinks"];
                };
            };
            400: components["responses"]["BadRequest"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            /** @description `idempotency-key-reused`: this Idempotency-Key was already used with a different body */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
        };
    };
    getPublicProfile: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                slug: components["parameters"]["slug"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the profile */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Profile"];
                };
            };
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    getPublicLogo: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                slug: components["parameters"]["slug"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the image */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "image/png": string;
                    "image/jpeg": string;
                    "image/webp": string;
                };
            };
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    getManagedBooking: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description capability token from manageUrl */
                token: components["parameters"]["manageToken"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the booking */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ManageView"];
                };
            };
            404: components["responses"]["NotFound"];
            410: components["responses"]["Gone"];
            503: components["responses"]["Unavailable"];
        };
    };
    getManagedSlots: {
        parameters: {
            query: {
                from: string;
                /** @description inclusive; at most 62 days after from */
                to: string;
                timeZone: string;
            };
            header?: never;
            path: {
                /** @description capability token from manageUrl */
                token: components["parameters"]["manageToken"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the slots */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Slots"];
                };
            };
            400: components["responses"]["BadRequest"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            410: components["responses"]["Gone"];
            503: components["responses"]["Unavailable"];
        };
    };
    rescheduleManagedBooking: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description capability token from manageUrl */
                token: components["parameters"]["manageToken"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Reschedule"];
            };
        };
        responses: {
            /** @description the moved booking with fresh links (the old ones stop working) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BookingWithLinks"];
                };
            };
            400: components["responses"]["BadRequest"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            410: components["responses"]["Gone"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["Unavailable"];
        };
    };
    cancelManagedBooking: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description capability token from manageUrl */
                token: components["parameters"]["manageToken"];
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["CancelReason"];
            };
        };
        responses: {
            /** @description the cancelled booking */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CancelledBooking"];
                };
            };
            400: components["responses"]["BadRequest"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            410: components["responses"]["Gone"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["Unavailable"];
        };
    };
    getManagedCalendar: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description capability token from manageUrl */
                token: components["parameters"]["manageToken"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the .ics file (Content-Disposition attachment) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/calendar": string;
                };
            };
            404: components["responses"]["NotFound"];
            410: components["responses"]["Gone"];
            503: components["responses"]["Unavailable"];
        };
    };
    getRoomPreview: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description capability token from joinUrl */
                token: components["parameters"]["joinToken"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the room */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RoomPreview"];
                };
            };
            404: components["responses"]["NotFound"];
            410: components["responses"]["Gone"];
            503: components["responses"]["Unavailable"];
        };
    };
    joinRoomAsGuest: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description capability token from joinUrl */
                token: components["parameters"]["joinToken"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description a room token and ICE servers */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["JoinAnswer"];
                };
            };
            /** @description `room-too-early` (with opensAt), `room-too-late` (with closedAt), `room-denied` or `room-ended` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://visitd.dev/problems/room-too-early",
                     *       "title": "Too early",
                     *       "status": 403,
                     *       "detail": "the room opens 15 minutes before the appointment",
                     *       "errors": [],
                     *       "opensAt": "2026-03-09T12:45:00Z"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            404: components["responses"]["NotFound"];
            410: components["responses"]["Gone"];
            503: components["responses"]["Unavailable"];
        };
    };
    joinRoomAsHost: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the room of a booking has the booking's id */
                roomId: components["parameters"]["roomId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description a room token and ICE servers (role host) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["JoinAnswer"];
                };
            };
            401: components["responses"]["Unauthorized"];
            /** @description `room-not-invited`, `room-too-early` (with opensAt), `room-too-late` (with closedAt), `room-ended`, or `forbidden` (CSRF) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    getRoomMessages: {
        parameters: {
            query?: {
                /** @description only messages with a smaller seq */
                before?: number;
                limit?: number;
            };
            header?: never;
            path: {
                /** @description the room of a booking has the booking's id */
                roomId: components["parameters"]["roomId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description a page of messages */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChatPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            /** @description `room-not-invited`: a token of another room, or a guest still in the lobby */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            503: components["responses"]["Unavailable"];
        };
    };
    openLiveSocket: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description switched to the WebSocket protocol; the first message is {"type": "auth", "token": roomToken} */
            101: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description `upgrade-required`: this path speaks only WebSocket */
            426: {
                headers: {
                    Upgrade: "websocket";
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            503: components["responses"]["Unavailable"];
        };
    };
    getBusiness: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                businessId: components["parameters"]["businessId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the business */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Business"];
                };
            };
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    updateBusiness: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                businessId: components["parameters"]["businessId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["BusinessChange"];
            };
        };
        responses: {
            /** @description the business as saved */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Business"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["Unavailable"];
        };
    };
    listProviders: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                businessId: components["parameters"]["businessId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the providers */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Providers"];
                };
            };
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    createProvider: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                businessId: components["parameters"]["businessId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NewProvider"];
            };
        };
        responses: {
            /** @description created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProviderDetail"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["Unavailable"];
        };
    };
    getProvider: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                businessId: components["parameters"]["businessId"];
                providerId: components["parameters"]["providerId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the provider */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProviderDetail"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    deleteProvider: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                businessId: components["parameters"]["businessId"];
                providerId: components["parameters"]["providerId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description removed */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            503: components["responses"]["Unavailable"];
        };
    };
    updateProvider: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                businessId: components["parameters"]["businessId"];
                providerId: components["parameters"]["providerId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ProviderChange"];
            };
        };
        responses: {
            /** @description the provider as saved */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProviderDetail"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["Unavailable"];
        };
    };
    getWeeklyHours: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                businessId: components["parameters"]["businessId"];
                providerId: components["parameters"]["providerId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the weekly hours */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WeeklyHours"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    setWeeklyHours: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                businessId: components["parameters"]["businessId"];
                providerId: components["parameters"]["providerId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WeeklyHoursInput"];
            };
        };
        responses: {
            /** @description the weekly hours as saved */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WeeklyHours"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["Unavailable"];
        };
    };
    listOverrides: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                businessId: components["parameters"]["businessId"];
                providerId: components["parameters"]["providerId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the overrides */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Overrides"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    putOverride: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                businessId: components["parameters"]["businessId"];
                providerId: components["parameters"]["providerId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OverrideInput"];
            };
        };
        responses: {
            /** @description the override */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Override"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["Unavailable"];
        };
    };
    deleteOverride: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                businessId: components["parameters"]["businessId"];
                providerId: components["parameters"]["providerId"];
                overrideId: components["parameters"]["overrideId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description removed */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    listTimeOff: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                businessId: components["parameters"]["businessId"];
                providerId: components["parameters"]["providerId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the time off */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TimeOffs"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    addTimeOff: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                businessId: components["parameters"]["businessId"];
                providerId: components["parameters"]["providerId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TimeOffInput"];
            };
        };
        responses: {
            /** @description the time off */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TimeOff"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["Unavailable"];
        };
    };
    deleteTimeOff: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                businessId: components["parameters"]["businessId"];
                providerId: components["parameters"]["providerId"];
                timeOffId: components["parameters"]["timeOffId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description removed */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    setProviderWords: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                businessId: components["parameters"]["businessId"];
                providerId: components["parameters"]["providerId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ProviderWordsInput"];
            };
        };
        responses: {
            /** @description the words as saved */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProviderWords"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["Unavailable"];
        };
    };
    listServices: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                businessId: components["parameters"]["businessId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the services */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Services"];
                };
            };
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    createService: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                businessId: components["parameters"]["businessId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NewService"];
            };
        };
        responses: {
            /** @description created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Service"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["Unavailable"];
        };
    };
    getService: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                businessId: components["parameters"]["businessId"];
                serviceId: components["parameters"]["serviceId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the service */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Service"];
                };
            };
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    deleteService: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                businessId: components["parameters"]["businessId"];
                serviceId: components["parameters"]["serviceId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description removed */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            503: components["responses"]["Unavailable"];
        };
    };
    updateService: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                businessId: components["parameters"]["businessId"];
                serviceId: components["parameters"]["serviceId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ServiceInput"];
            };
        };
        responses: {
            /** @description the service as saved */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Service"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["Unavailable"];
        };
    };
    setServiceWords: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                businessId: components["parameters"]["businessId"];
                serviceId: components["parameters"]["serviceId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ServiceWordsInput"];
            };
        };
        responses: {
            /** @description the words as saved */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceWords"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["Unavailable"];
        };
    };
    getServiceNotificationPolicy: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                businessId: components["parameters"]["businessId"];
                serviceId: components["parameters"]["serviceId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the policy */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceNotificationPolicy"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    setServiceNotificationPolicy: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                businessId: components["parameters"]["businessId"];
                serviceId: components["parameters"]["serviceId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NotificationPolicy"];
            };
        };
        responses: {
            /** @description the policy */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceNotificationPolicy"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["Unavailable"];
        };
    };
    clearServiceNotificationPolicy: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                businessId: components["parameters"]["businessId"];
                serviceId: components["parameters"]["serviceId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the inherited policy */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceNotificationPolicy"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    listStaff: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                businessId: components["parameters"]["businessId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the staff */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StaffMembers"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    addStaffMember: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                businessId: components["parameters"]["businessId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NewStaffMember"];
            };
        };
        responses: {
            /** @description the invitation, mailed */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Invitation"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["Unavailable"];
        };
    };
    listInvitations: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                businessId: components["parameters"]["businessId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the invitations */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Invitations"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    revokeInvitation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                businessId: components["parameters"]["businessId"];
                invitationId: components["parameters"]["invitationId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description revoked */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            503: components["responses"]["Unavailable"];
        };
    };
    resendInvitation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                businessId: components["parameters"]["businessId"];
                invitationId: components["parameters"]["invitationId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the invitation, renewed */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Invitation"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            503: components["responses"]["Unavailable"];
        };
    };
    getInvitation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the secret of an invitation link (mailed to the invited address) */
                token: components["parameters"]["invitationToken"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the invitation */
            200: {
                headers: {
                    "Cache-Control": "no-store";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InvitationPreview"];
                };
            };
            404: components["responses"]["NotFound"];
            410: components["responses"]["Gone"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
        };
    };
    acceptInvitation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the secret of an invitation link (mailed to the invited address) */
                token: components["parameters"]["invitationToken"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["InvitationAcceptance"];
            };
        };
        responses: {
            /** @description accepted and signed in */
            200: {
                headers: {
                    /** @description visitd_session=<token>; HttpOnly; SameSite=Lax; Path=/; Max-Age=<session hours> */
                    "Set-Cookie": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Me"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            410: components["responses"]["Gone"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
        };
    };
    removeStaffMember: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                businessId: components["parameters"]["businessId"];
                userId: components["parameters"]["userId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description removed */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            503: components["responses"]["Unavailable"];
        };
    };
    changeStaffRole: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                businessId: components["parameters"]["businessId"];
                userId: components["parameters"]["userId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RoleChange"];
            };
        };
        responses: {
            /** @description the member */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StaffMember"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["Unavailable"];
        };
    };
    listApiTokens: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                businessId: components["parameters"]["businessId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the tokens */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiTokens"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    createApiToken: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                businessId: components["parameters"]["businessId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NewApiToken"];
            };
        };
        responses: {
            /** @description the token with its secret */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreatedApiToken"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["Unavailable"];
        };
    };
    revokeApiToken: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                businessId: components["parameters"]["businessId"];
                tokenId: components["parameters"]["tokenId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description revoked */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    listWebhooks: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                businessId: components["parameters"]["businessId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the endpoints */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Webhooks"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    createWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                businessId: components["parameters"]["businessId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NewWebhook"];
            };
        };
        responses: {
            /** @description the endpoint with its secret */
            201: {
                headers: {
                    /** @description the endpoint's URL */
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreatedWebhook"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["Unavailable"];
        };
    };
    getWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                businessId: components["parameters"]["businessId"];
                webhookId: components["parameters"]["webhookId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the endpoint */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Webhook"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    deleteWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                businessId: components["parameters"]["businessId"];
                webhookId: components["parameters"]["webhookId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description removed */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    updateWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                businessId: components["parameters"]["businessId"];
                webhookId: components["parameters"]["webhookId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookPatch"];
            };
        };
        responses: {
            /** @description the endpoint as changed */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Webhook"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["Unavailable"];
        };
    };
    listWebhookDeliveries: {
        parameters: {
            query?: {
                limit?: number;
            };
            header?: never;
            path: {
                businessId: components["parameters"]["businessId"];
                webhookId: components["parameters"]["webhookId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the deliveries */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookDeliveries"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    redeliverWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                businessId: components["parameters"]["businessId"];
                webhookId: components["parameters"]["webhookId"];
                deliveryId: components["parameters"]["deliveryId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the new delivery, pending */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookDelivery"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    listBookings: {
        parameters: {
            query?: {
                /** @description IANA zone the answer's times are written in; default the business's zone */
                timeZone?: components["parameters"]["displayZone"];
                /** @description bookings ending after this instant */
                from?: string;
                /** @description bookings starting before this instant (after from) */
                to?: string;
                providerId?: string;
                status?: components["schemas"]["BookingStatus"];
                /** @description words to search by (k-polish): the consumer's name, email or phone, or an answer such as the reason for the visit, containing them (ASCII case ignored); at most 100 characters */
                q?: string;
                limit?: number;
                offset?: number;
            };
            header?: never;
            path: {
                businessId: components["parameters"]["businessId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description a page of bookings */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StaffBookingPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    getBooking: {
        parameters: {
            query?: {
                /** @description IANA zone the answer's times are written in; default the business's zone */
                timeZone?: components["parameters"]["displayZone"];
            };
            header?: never;
            path: {
                businessId: components["parameters"]["businessId"];
                bookingId: components["parameters"]["bookingId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the booking */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StaffBooking"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    rescheduleBooking: {
        parameters: {
            query?: {
                /** @description IANA zone the answer's times are written in; default the business's zone */
                timeZone?: components["parameters"]["displayZone"];
            };
            header?: never;
            path: {
                businessId: components["parameters"]["businessId"];
                bookingId: components["parameters"]["bookingId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["StaffReschedule"];
            };
        };
        responses: {
            /** @description the moved booking with fresh consumer links */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MovedStaffBooking"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["Unavailable"];
        };
    };
    cancelBooking: {
        parameters: {
            query?: {
                /** @description IANA zone the answer's times are written in; default the business's zone */
                timeZone?: components["parameters"]["displayZone"];
            };
            header?: never;
            path: {
                businessId: components["parameters"]["businessId"];
                bookingId: components["parameters"]["bookingId"];
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["StaffCancel"];
            };
        };
        responses: {
            /** @description the cancelled booking */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StaffBooking"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["Unavailable"];
        };
    };
    completeBooking: {
        parameters: {
            query?: {
                /** @description IANA zone the answer's times are written in; default the business's zone */
                timeZone?: components["parameters"]["displayZone"];
            };
            header?: never;
            path: {
                businessId: components["parameters"]["businessId"];
                bookingId: components["parameters"]["bookingId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the booking */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StaffBooking"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            503: components["responses"]["Unavailable"];
        };
    };
    markNoShow: {
        parameters: {
            query?: {
                /** @description IANA zone the answer's times are written in; default the business's zone */
                timeZone?: components["parameters"]["displayZone"];
            };
            header?: never;
            path: {
                businessId: components["parameters"]["businessId"];
                bookingId: components["parameters"]["bookingId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the booking */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StaffBooking"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            503: components["responses"]["Unavailable"];
        };
    };
    reissueBookingLinks: {
        parameters: {
            query?: {
                /** @description IANA zone the answer's times are written in; default the business's zone */
                timeZone?: components["parameters"]["displayZone"];
            };
            header?: never;
            path: {
                businessId: components["parameters"]["businessId"];
                bookingId: components["parameters"]["bookingId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the booking with its new consumer links */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MovedStaffBooking"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            503: components["responses"]["Unavailable"];
        };
    };
    listBookingMessages: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                businessId: components["parameters"]["businessId"];
                bookingId: components["parameters"]["bookingId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the messages */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BookingMessages"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    resendMessage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                businessId: components["parameters"]["businessId"];
                bookingId: components["parameters"]["bookingId"];
                messageId: components["parameters"]["messageId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the new message */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OutboxMessage"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            503: components["responses"]["Unavailable"];
        };
    };
    listAudit: {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
                /** @description exactly this actor (user:<id>, token:<id>, consumer, system) */
                actor?: string;
                /** @description an action (booking.cancel) or a family (booking = booking.*) */
                action?: string;
                /** @description entries at or after (RFC 3339 with offset) */
                from?: string;
                /** @description entries before (RFC 3339 with offset) */
                to?: string;
            };
            header?: never;
            path: {
                businessId: components["parameters"]["businessId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description a page of entries */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    getInsights: {
        parameters: {
            query?: {
                /** @description first date (the business's zone); default 29 days before to */
                from?: string;
                /** @description last date, included; at most 366 days after from; default today (the business's zone) */
                to?: string;
                /** @description only this provider */
                providerId?: string;
                /** @description only this service (and the providers offering it) */
                serviceId?: string;
            };
            header?: never;
            path: {
                businessId: components["parameters"]["businessId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the numbers */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Insights"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    getInsightsCsv: {
        parameters: {
            query?: {
                /** @description first date (the business's zone); default 29 days before to */
                from?: string;
                /** @description last date, included; at most 366 days after from; default today (the business's zone) */
                to?: string;
                /** @description only this provider */
                providerId?: string;
                /** @description only this service (and the providers offering it) */
                serviceId?: string;
            };
            header?: never;
            path: {
                businessId: components["parameters"]["businessId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the CSV file (Content-Disposition attachment) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    getNotificationPolicy: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                businessId: components["parameters"]["businessId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the policy */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationPolicy"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    setNotificationPolicy: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                businessId: components["parameters"]["businessId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NotificationPolicy"];
            };
        };
        responses: {
            /** @description the policy */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationPolicy"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["Unavailable"];
        };
    };
    listMessageTemplates: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                businessId: components["parameters"]["businessId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the templates */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MessageTemplates"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    listDefaultMessageTemplates: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                businessId: components["parameters"]["businessId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the built-in templates */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MessageTemplates"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    previewMessageTemplate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                businessId: components["parameters"]["businessId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TemplatePreviewInput"];
            };
        };
        responses: {
            /** @description the message as it would be sent */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TemplatePreview"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["Unavailable"];
        };
    };
    getBookingNote: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                businessId: components["parameters"]["businessId"];
                bookingId: components["parameters"]["bookingId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the note (empty until written) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BookingNote"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    setBookingNote: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                businessId: components["parameters"]["businessId"];
                bookingId: components["parameters"]["bookingId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["BookingNoteInput"];
            };
        };
        responses: {
            /** @description the saved note */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BookingNote"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["Unavailable"];
        };
    };
    getVideoSetup: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                businessId: components["parameters"]["businessId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the call setup */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VideoSetup"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    setMessageTemplate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                businessId: components["parameters"]["businessId"];
                kind: components["schemas"]["MessageKind"];
                channel: components["schemas"]["Channel"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TemplateInput"];
            };
        };
        responses: {
            /** @description the template */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MessageTemplate"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["Unavailable"];
        };
    };
    resetMessageTemplate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                businessId: components["parameters"]["businessId"];
                kind: components["schemas"]["MessageKind"];
                channel: components["schemas"]["Channel"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description reset */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    getProfile: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                businessId: components["parameters"]["businessId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the profile */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Profile"];
                };
            };
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    setProfile: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                businessId: components["parameters"]["businessId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ProfileInput"];
            };
        };
        responses: {
            /** @description the profile */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Profile"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["Unavailable"];
        };
    };
    setLogo: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                businessId: components["parameters"]["businessId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "image/png": string;
                "image/jpeg": string;
                "image/webp": string;
            };
        };
        responses: {
            /** @description the profile with the new logoUrl */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Profile"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["Unavailable"];
        };
    };
    deleteLogo: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                businessId: components["parameters"]["businessId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description removed */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    smsStatusCallback: {
        parameters: {
            query?: never;
            header: {
                /** @description base64 HMAC-SHA1 with the gateway's auth token over the public URL and the sorted form parameters */
                "X-Twilio-Signature": components["parameters"]["twilioSignature"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/x-www-form-urlencoded": components["schemas"]["SmsStatus"];
            };
        };
        responses: {
            /** @description recorded */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            /** @description `bad-signature`: X-Twilio-Signature is missing or does not match */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            404: components["responses"]["NotFound"];
            413: components["responses"]["TooLarge"];
            503: components["responses"]["Unavailable"];
        };
    };
    smsInbound: {
        parameters: {
            query?: never;
            header: {
                /** @description base64 HMAC-SHA1 with the gateway's auth token over the public URL and the sorted form parameters */
                "X-Twilio-Signature": components["parameters"]["twilioSignature"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/x-www-form-urlencoded": components["schemas"]["SmsInbound"];
            };
        };
        responses: {
            /** @description TwiML, with a reply for START and HELP */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/xml": string;
                };
            };
            400: components["responses"]["BadRequest"];
            /** @description `bad-signature`: X-Twilio-Signature is missing or does not match */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            413: components["responses"]["TooLarge"];
            503: components["responses"]["Unavailable"];
        };
    };
    getCalendarFeed: {
        parameters: {
            query?: never;
            header?: {
                "If-None-Match"?: string;
            };
            path: {
                /** @description the secret token of a calendar feed's URL (shown once, when the feed is issued) */
                token: components["parameters"]["feedToken"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the feed */
            200: {
                headers: {
                    ETag: string;
                    "Cache-Control": "private, max-age=300";
                    [name: string]: unknown;
                };
                content: {
                    "text/calendar": string;
                };
            };
            /** @description unchanged since the ETag given in If-None-Match */
            304: {
                headers: {
                    ETag: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    getBusinessCalendarFeed: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                businessId: components["parameters"]["businessId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the feed's state (never its URL) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CalendarFeed"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    issueBusinessCalendarFeed: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                businessId: components["parameters"]["businessId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the feed with its URL, shown only now */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IssuedCalendarFeed"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    revokeBusinessCalendarFeed: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                businessId: components["parameters"]["businessId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description revoked; the URL answers 404 from now on */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    getProviderCalendarFeed: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                businessId: components["parameters"]["businessId"];
                providerId: components["parameters"]["providerId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the feed's state (never its URL) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CalendarFeed"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    issueProviderCalendarFeed: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                businessId: components["parameters"]["businessId"];
                providerId: components["parameters"]["providerId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the feed with its URL, shown only now */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IssuedCalendarFeed"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    revokeProviderCalendarFeed: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                businessId: components["parameters"]["businessId"];
                providerId: components["parameters"]["providerId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description revoked; the URL answers 404 from now on */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    listExternalCalendars: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                businessId: components["parameters"]["businessId"];
                providerId: components["parameters"]["providerId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the calendars */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ExternalCalendars"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    addExternalCalendar: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                businessId: components["parameters"]["businessId"];
                providerId: components["parameters"]["providerId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NewExternalCalendar"];
            };
        };
        responses: {
            /** @description the calendar (status pending) */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ExternalCalendar"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["Unavailable"];
        };
    };
    removeExternalCalendar: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                businessId: components["parameters"]["businessId"];
                providerId: components["parameters"]["providerId"];
                calendarId: components["parameters"]["calendarId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description removed */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    fetchExternalCalendar: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                businessId: components["parameters"]["businessId"];
                providerId: components["parameters"]["providerId"];
                calendarId: components["parameters"]["calendarId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the fetch is queued */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ExternalCalendar"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    listExternalRooms: {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
            };
            header?: never;
            path: {
                businessId: components["parameters"]["businessId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description a page of rooms */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ExternalRoomPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    createExternalRoom: {
        parameters: {
            query?: never;
            header?: {
                /** @description 1 to 200 printable ASCII characters. A retry with the same key and body returns the first answer; the same key with another body is a 422. */
                "Idempotency-Key"?: components["parameters"]["idempotencyKey"];
            };
            path: {
                businessId: components["parameters"]["businessId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NewExternalRoom"];
            };
        };
        responses: {
            /** @description created (or, for a repeated Idempotency-Key with the same body, the first answer again) */
            201: {
                headers: {
                    Location: components["headers"]["Location"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ExternalRoom"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            /** @description `idempotency-key-reused`: this Idempotency-Key was already used with a different body */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            503: components["responses"]["Unavailable"];
        };
    };
    getExternalRoom: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                businessId: components["parameters"]["businessId"];
                /** @description the room of a booking has the booking's id */
                roomId: components["parameters"]["roomId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the room */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ExternalRoom"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    updateExternalRoom: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                businessId: components["parameters"]["businessId"];
                /** @description the room of a booking has the booking's id */
                roomId: components["parameters"]["roomId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ExternalRoomChange"];
            };
        };
        responses: {
            /** @description the room as changed */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ExternalRoom"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            /** @description `room-ended`: the room was ended; it can no longer change */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["Unavailable"];
        };
    };
    addExternalRoomParticipant: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                businessId: components["parameters"]["businessId"];
                /** @description the room of a booking has the booking's id */
                roomId: components["parameters"]["roomId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RoomParticipantInput"];
            };
        };
        responses: {
            /** @description the participant with their join link */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RoomParticipant"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            /** @description `room-full`: the room has 20 participants */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `room-ended`: the room was ended; it can no longer change */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["Unavailable"];
        };
    };
    removeExternalRoomParticipant: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                businessId: components["parameters"]["businessId"];
                /** @description the room of a booking has the booking's id */
                roomId: components["parameters"]["roomId"];
                /** @description a participant of a room booked elsewhere */
                participantId: components["parameters"]["participantId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description removed */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    endExternalRoom: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                businessId: components["parameters"]["businessId"];
                /** @description the room of a booking has the booking's id */
                roomId: components["parameters"]["roomId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the ended room */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ExternalRoom"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            /** @description `room-ended`: the room was ended; it can no longer change */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["Unavailable"];
        };
    };
    getPublicProviderPhoto: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                slug: components["parameters"]["slug"];
                providerId: components["parameters"]["providerId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the image */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "image/png": string;
                    "image/jpeg": string;
                    "image/webp": string;
                };
            };
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    setProviderPhoto: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                businessId: components["parameters"]["businessId"];
                providerId: components["parameters"]["providerId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "image/png": string;
                "image/jpeg": string;
                "image/webp": string;
            };
        };
        responses: {
            /** @description the profile with the provider's new photoUrl */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Profile"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["Unavailable"];
        };
    };
    deleteProviderPhoto: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                businessId: components["parameters"]["businessId"];
                providerId: components["parameters"]["providerId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description removed */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    getEmbed: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                businessId: components["parameters"]["businessId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the allowlist */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Embed"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    setEmbed: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                businessId: components["parameters"]["businessId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EmbedInput"];
            };
        };
        responses: {
            /** @description the allowlist as saved (canonical) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Embed"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["Unavailable"];
        };
    };
}
