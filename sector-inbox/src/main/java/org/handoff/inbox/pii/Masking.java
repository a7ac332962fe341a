package org.handoff.inbox.pii;

/** Masked forms of identifiers for callers whose role does not need the real value. */
public final class Masking {

    private Masking() {
    }

    /** Keeps the initial of each word: "Aigerim Sadykova" becomes "A****** S*******". */
    public static String name(String name) {
        if (name == null) {
            return null;
        }
        StringBuilder masked = new StringBuilder();
        for (String word : name.trim().split("\\s+")) {
            if (!masked.isEmpty()) {
                masked.append(' ');
            }
            masked.append(word.charAt(0)).append("*".repeat(Math.max(word.length() - 1, 1)));
        }
        return masked.toString();
    }

    /** Keeps the last {@code visible} characters so a caller can confirm an identifier, never read it. */
    public static String tail(String value, int visible) {
        if (value == null) {
            return null;
        }
        int keep = Math.min(visible, value.length() / 3);
        return "*".repeat(value.length() - keep) + value.substring(value.length() - keep);
    }

    /** Free text (an address, a place) is hidden entirely. */
    public static String hidden(String value) {
        return value == null ? null : "***";
    }
}
