package org.vmbhyve.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.vmbhyve.network.SwitchDetails;
import org.vmbhyve.network.SwitchInspector;
import org.vmbhyve.network.SwitchOptions;
import org.vmbhyve.network.SwitchRow;
import org.vmbhyve.network.Switches;

/** {@code vm switch}. Unlike the rest of the CLI, missing arguments here show the overview (exit 1). */
final class SwitchCommand extends GroupCommand {

    @Override
    String helpName() {
        return "switch";
    }

    @Override
    List<String> subwords() {
        return List.of("create", "list", "destroy", "add", "remove", "vlan", "nat", "address", "private", "info", "import");
    }

    @Override
    CliCommand subcommand(String word) {
        return switch (word) {
            case "create" -> new Create();
            case "list" -> new ListSwitches();
            case "destroy" -> new Destroy();
            case "add" -> new Add();
            case "remove" -> new Remove();
            case "vlan" -> new Vlan();
            case "nat" -> new Nat();
            case "address" -> new Address();
            case "private" -> new Private();
            case "info" -> new Info();
            case "import" -> new Import();
            default -> throw new IllegalArgumentException(word);
        };
    }

    @Override
    Set<String> wholeWordsOnly() {
        return Set.of("import");
    }

    abstract static class Sub extends CliCommand {

        final List<String> args = new ArrayList<>();

        @Override
        void declare(CommandOptions options) {
            options.operands(args);
        }

        @Override
        String helpName() {
            return "switch";
        }

        /** The operands, or the overview (exit 1) when fewer than {@code count} are given. */
        List<String> require(int count) {
            for (int i = 0; i < count; i++) {
                if (args.size() <= i || args.get(i).isEmpty()) {
                    throw new ShowUsage();
                }
            }
            return args;
        }

        Switches switches() {
            return new Switches(vm.system(), vm.runner());
        }

        /** Every switch subcommand but the listings edits system.conf. */
        @Override
        boolean changesSystemConfig() {
            return !readsOnly();
        }
    }

    static final class Create extends Sub {

        final OptionValue type = new OptionValue("standard");
        final OptionValue iface = new OptionValue("");
        final OptionValue vlan = new OptionValue("");
        final OptionValue bridge = new OptionValue("");
        final OptionValue address = new OptionValue("");
        final OptionValue mtu = new OptionValue("");
        final OptionValue privateMode = new OptionValue();

        @Override
        void declare(CommandOptions options) {
            super.declare(options);
            options.value("-t", type);
            options.value("-i", iface);
            options.value("-n", vlan);
            options.value("-b", bridge);
            options.value("-a", address);
            options.value("-m", mtu);
            options.flag("-p", privateMode);
        }

        @Override
        Getopts.OnBadOption onBadOption() {
            return Getopts.OnBadOption.USAGE;
        }

        @Override
        public Integer call() {
            SwitchOptions settings = new SwitchOptions(iface.get(), vlan.get(), bridge.get(), address.get(), mtu.get(),
                    privateMode.isSet());
            switches().create(type.get(), args.isEmpty() ? "" : args.get(0), settings);
            return 0;
        }
    }

    static final class ListSwitches extends Sub {
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
            List<SwitchRow> rows = switches().rows();
            print(json.isSet() ? JsonOutput.render(rows) : SwitchRow.render(rows));
            return 0;
        }
    }

    static final class Destroy extends Sub {
        @Override
        public Integer call() {
            switches().destroy(require(1).get(0));
            return 0;
        }
    }

    static final class Add extends Sub {
        @Override
        public Integer call() {
            switches().addMember(require(2).get(0), args.get(1));
            return 0;
        }
    }

    static final class Remove extends Sub {
        @Override
        public Integer call() {
            switches().removeMember(require(2).get(0), args.get(1));
            return 0;
        }
    }

    static final class Vlan extends Sub {
        @Override
        public Integer call() {
            switches().vlan(require(2).get(0), args.get(1));
            return 0;
        }
    }

    static final class Nat extends Sub {
        @Override
        public Integer call() {
            if (args.size() == 2 && args.get(1).equals("on")) {
                switches().natOn(args.get(0));
                return 0;
            }
            if (args.size() == 2 && args.get(1).equals("off")) {
                switches().natOff(args.get(0));
                return 0;
            }
            // upstream's answer to anything else
            vm.ui().warn("internal nat support is currently disabled");
            vm.ui().warn("please add an address to the virtual switch and configure your firewall for NAT manually");
            return 0;
        }
    }

    static final class Import extends Sub {
        @Override
        public Integer call() {
            switches().importBridge(args.isEmpty() ? "" : args.get(0), args.size() > 1 ? args.get(1) : "");
            return 0;
        }
    }

    static final class Address extends Sub {
        @Override
        public Integer call() {
            require(1);
            String addr = args.size() > 1 ? args.get(1) : "";
            boolean delete = args.size() > 2 && args.get(2).equals("delete");
            switches().address(args.get(0), addr, delete, vm.ui());
            return 0;
        }
    }

    static final class Private extends Sub {
        @Override
        public Integer call() {
            switches().setPrivate(require(2).get(0), args.get(1));
            return 0;
        }
    }

    static final class Info extends Sub {
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
            Switches switches = switches();
            SwitchInspector inspector = new SwitchInspector(switches, vm.system(), vm.runner());
            Blocks<SwitchDetails> blocks = new Blocks<>(this, json.isSet());
            for (String name : args.isEmpty() ? switches.names() : args) {
                if (!name.isEmpty()) {
                    blocks.add(inspector.inspect(name));
                }
            }
            blocks.finish();
            return 0;
        }
    }
}
