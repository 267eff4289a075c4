package org.vmbhyve.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.vmbhyve.guest.Guests;
import org.vmbhyve.guest.Tags;

final class TagsCommand extends GroupCommand {

    @Override
    String helpName() {
        return "tags";
    }

    @Override
    Map<String, Supplier<CliCommand>> subcommands() {
        Map<String, Supplier<CliCommand>> subs = new LinkedHashMap<>();
        subs.put("add", Add::new);
        subs.put("remove", Remove::new);
        subs.put("list", ListTags::new);
        subs.put("find", Find::new);
        subs.put("help", Help::new);
        return subs;
    }

    abstract static class Sub extends CliCommand {

        final List<String> args = new ArrayList<>();

        @Override
        void declare(CommandOptions options) {
            options.operands(args);
        }

        @Override
        String helpName() {
            return "tags";
        }

        String name() {
            if (args.isEmpty() || args.get(0).isEmpty()) {
                throw help();
            }
            return args.get(0);
        }

        List<String> tags() {
            List<String> tags = Tags.split(String.join(" ", args.subList(1, args.size())));
            if (tags.isEmpty()) {
                throw help();
            }
            return tags;
        }

        Tags service() {
            return new Tags(new Guests(vm));
        }
    }

    static final class Add extends Sub {
        @Override
        public Integer call() {
            service().add(name(), tags());
            return 0;
        }
    }

    static final class Remove extends Sub {
        @Override
        public Integer call() {
            service().remove(name(), tags());
            return 0;
        }
    }

    static final class ListTags extends Sub {
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
            java.util.Optional<String> tags = service().list(name());
            if (json.isSet()) {
                print(JsonOutput.render(new Tags.GuestTags(name(), Tags.split(tags.orElse("")))));
            } else {
                tags.ifPresent(this::println);
            }
            return 0;
        }
    }

    static final class Find extends Sub {

        @Override
        boolean readsOnly() {
            return true;
        }

        @Override
        public Integer call() {
            println(String.join(" ", service().find(name())));
            return 0;
        }
    }

    static final class Help extends Sub {

        @Override
        boolean readsOnly() {
            return true;
        }

        @Override
        public Integer call() {
            throw help();
        }
    }
}
