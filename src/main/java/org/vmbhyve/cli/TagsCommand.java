package org.vmbhyve.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.vmbhyve.guest.Guests;
import org.vmbhyve.guest.Tags;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "tags", description = "Manage guest tags",
        subcommands = {TagsCommand.Add.class, TagsCommand.Remove.class, TagsCommand.ListTags.class,
                TagsCommand.Find.class, TagsCommand.Help.class})
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

        @Parameters
        List<String> args = new ArrayList<>();

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

    @Command(name = "add", description = "Tag a guest")
    static final class Add extends Sub {
        @Override
        public Integer call() {
            service().add(name(), tags());
            return 0;
        }
    }

    @Command(name = "remove", description = "Remove tags from a guest")
    static final class Remove extends Sub {
        @Override
        public Integer call() {
            service().remove(name(), tags());
            return 0;
        }
    }

    @Command(name = "list", description = "Show a guest's tags")
    static final class ListTags extends Sub {
        @Option(names = "--json", description = "Print JSON")
        boolean json;

        @Override
        boolean readsOnly() {
            return true;
        }

        @Override
        public Integer call() {
            java.util.Optional<String> tags = service().list(name());
            if (json) {
                print(JsonOutput.render(new Tags.GuestTags(name(), Tags.split(tags.orElse("")))));
            } else {
                tags.ifPresent(this::println);
            }
            return 0;
        }
    }

    @Command(name = "find", description = "List the guests that have a tag")
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

    @Command(name = "help", description = "Show help for tags")
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
