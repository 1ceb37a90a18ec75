// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.formats.internal;

import io.cadc4j.core.table.Field;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Column names for formats that need them unique (astropy refuses a table with two columns of one
 * name; a VOTable may have them): a repeated name gets {@code _2}, {@code _3}, ...
 *
 * <p>Stateless and thread-safe.
 */
final class ColumnNames {
    private ColumnNames() {
    }

    static List<String> unique(List<Field> fields) {
        List<String> names = new ArrayList<>(fields.size());
        for (Field f : fields) {
            names.add(f.name());
        }
        return uniqueNames(names);
    }

    static List<String> uniqueNames(List<String> names) {
        Set<String> seen = new HashSet<>();
        List<String> out = new ArrayList<>(names.size());
        for (String given : names) {
            String name = given;
            if (!seen.add(name)) {
                int k = 2;
                while (!seen.add(given + "_" + k)) {
                    k++;
                }
                name = given + "_" + k;
            }
            out.add(name);
        }
        return out;
    }
}
