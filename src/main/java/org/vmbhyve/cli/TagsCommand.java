package org.vmbhyve.cli;

import java.util.ArrayList;
import java.util.List;
import org.vmbhyve.guest.Guests;
import org.vmbhyve.guest.Tags;

final class TagsCommand extends GroupCommand {

    @Override
    String helpName() {
        return "tags";
    }

    @Override
    List<String> subwords() {
        return List.of("add", "remove", "list", "find", "help");
    }

    @Override
    CliCommand subcommand(String word) {
        return switch (word) {
            case "add" -> new Add();
            case "remove" -> new Remove();
            case "list" -> new ListTags();
            case "find" -> new Find();
            case "help" -> new Help();
            default -> throw new IllegalArgumentException(word);
        };
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
