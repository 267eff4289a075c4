package org.vmbhyve.guest;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.vmbhyve.config.Chars;
import org.vmbhyve.config.GuestName;
import org.vmbhyve.error.VmException;

/** Guest tags: the space-separated {@code tags} key of a guest's config. */
public final class Tags {

    /** {@code vm tags list --json}: a guest's tags, one word each. */
    public record GuestTags(String name, List<String> tags) {
    }

    private final Guests guests;

    public Tags(Guests guests) {
        this.guests = guests;
    }

    public void add(String name, List<String> tags) {
        for (String tag : tags) {
            if (!GuestName.isValid(tag)) {
                throw new VmException("invalid tag name - '" + tag + "'");
            }
        }
        Guest guest = require(name);
        try {
            guest.configFile().appendWords("tags", tags);
        } catch (IOException | IllegalArgumentException e) {
            throw new VmException("unable to update tags of " + name);
        }
    }

    public void remove(String name, List<String> tags) {
        Guest guest = require(name);
        try {
            guest.configFile().removeWords("tags", tags);
        } catch (IOException | IllegalArgumentException e) {
            throw new VmException("unable to update tags of " + name);
        }
    }

    /** The raw tags value, or empty when the guest has no {@code tags} key at all. */
    public java.util.Optional<String> list(String name) {
        Guest guest = require(name);
        if (guest.config().get("tags").isEmpty()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(guest.configFile().sysrcValue("tags"));
    }

    /** Names of the guests carrying the tag (a whole-tag, literal match). */
    public List<String> find(String tag) {
        List<String> names = new ArrayList<>();
        for (Guest guest : guests.all()) {
            if (split(guest.configFile().sysrcValue("tags")).contains(tag)) {
                names.add(guest.name());
            }
        }
        return names;
    }

    public static List<String> split(String value) {
        return Chars.words(value);
    }

    private Guest require(String name) {
        return guests.require(name, name + " doesn't appear to be a valid virtual machine");
    }
}
