/** Reading published services: by id and as filtered, paged lists (the {@code /api/services} API). */
package se.insatsnavet.hub.services;
