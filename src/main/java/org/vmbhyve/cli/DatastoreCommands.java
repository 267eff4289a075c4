package org.vmbhyve.cli;

import java.io.IOException;
import java.util.ArrayList;
import org.vmbhyve.config.Chars;
import org.vmbhyve.datastore.Datastore;
import org.vmbhyve.datastore.DatastoreRow;

/** The sub-commands of {@code vm datastore}. */
final class DatastoreCommands {

    private DatastoreCommands() {
    }

    abstract static class Sub extends CliCommand {

        final java.util.List<String> args = new ArrayList<>();

        @Override
        void declare(CommandOptions options) {
            options.operands(args);
        }

        @Override
        String helpName() {
            return "datastore";
        }

        String arg(int i) {
            return args.size() > i ? args.get(i) : "";
        }

        /** Every datastore subcommand but the listing edits system.conf. */
        @Override
        boolean changesSystemConfig() {
            return !readsOnly();
        }
    }

    static final class List extends Sub {

        final OptionValue json = new OptionValue();

        @Override
        void declare(CommandOptions options) {
            super.declare(options);
            options.flag("--json", json);
        }

        @Override
        boolean readsOnly() {
            return true;
        }

        @Override
        public Integer call() {
            java.util.List<DatastoreRow> rows = vm.datastores().rows();
            print(json.isSet() ? JsonOutput.render(rows) : render(rows));
            return 0;
        }

        static String render(java.util.List<DatastoreRow> rows) {
            StringBuilder out = new StringBuilder(row("NAME", "TYPE", "PATH", "ZFS DATASET"));
            for (DatastoreRow ds : rows) {
                out.append(row(ds.name(), ds.type(), ds.path() == null ? "" : ds.path(),
                        ds.dataset() == null ? "-" : ds.dataset()));
            }
            return out.toString();
        }

        /** {@code printf "%-15s %-11s %-25s %s\n"}. */
        private static String row(String name, String type, String path, String dataset) {
            return Chars.padded(name, 15) + " " + Chars.padded(type, 11) + " " + Chars.padded(path, 25) + " " + dataset
                    + "\n";
        }
    }

    static final class Add extends Sub {
        @Override
        public Integer call() throws IOException {
            if (arg(0).isEmpty() || arg(1).isEmpty()) {
                throw new ShowUsage();
            }
            vm.datastores().add(arg(0), arg(1));
            return 0;
        }
    }

    static final class Remove extends Sub {
        @Override
        public Integer call() {
            vm.datastores().remove(arg(0));
            return 0;
        }
    }

    static final class Iso extends Sub {
        @Override
        public Integer call() throws IOException {
            return addMedia(this, Datastore.Kind.ISO);
        }
    }

    static final class Img extends Sub {
        @Override
        public Integer call() throws IOException {
            return addMedia(this, Datastore.Kind.IMG);
        }
    }

    private static int addMedia(Sub sub, Datastore.Kind kind) throws IOException {
        if (sub.arg(0).isEmpty() || sub.arg(1).isEmpty()) {
            throw sub.help();
        }
        sub.vm.datastores().addMedia(kind, sub.arg(0), sub.arg(1));
        return 0;
    }
}
