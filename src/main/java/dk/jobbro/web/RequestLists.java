package dk.jobbro.web;

import java.util.List;
import java.util.Objects;

/** Optional lists in request bodies: absent means empty, null entries are dropped, repeats are dropped. */
public final class RequestLists {

    private RequestLists() {
    }

    public static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list.stream().filter(Objects::nonNull).toList();
    }

    public static <T> List<T> distinct(List<T> list) {
        return orEmpty(list).stream().distinct().toList();
    }
}
