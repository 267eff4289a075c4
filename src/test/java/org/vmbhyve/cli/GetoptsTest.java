package org.vmbhyve.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class GetoptsTest {

    private final StringWriter err = new StringWriter();

    private boolean parse(CliCommand command, Getopts.OnBadOption policy, String... args) {
        return Getopts.apply(CommandOptions.of(command), List.of(args), policy, new PrintWriter(err, true));
    }

    @Test
    void optionsWithArgumentsAttachedOrSeparate() {
        CreateCommand c = new CreateCommand();
        assertTrue(parse(c, Getopts.OnBadOption.HELP, "-tlinux", "-s", "40G", "-C", "web"));
        assertEquals("linux", c.template.get());
        assertEquals("40G", c.size.get());
        assertTrue(c.cloudInit.isSet());
        assertEquals(List.of("web"), c.names);
    }

    /** stop had no option loop upstream: its -t is ours, and any other dash word is still a guest name. */
    @Test
    void unknownOptionOfStopIsItsFirstGuestName() {
        StopCommand c = new StopCommand();
        assertTrue(parse(c, c.onBadOption(), "-t", "30", "web", "-db"));
        assertEquals("30", c.timeout.get());
        assertEquals(List.of("web", "-db"), c.names);
        StopCommand old = new StopCommand();
        assertTrue(parse(old, old.onBadOption(), "-x", "web"));
        assertNull(old.timeout.get());
        assertEquals(List.of("-x", "web"), old.names);
        assertEquals("", err.toString());
    }

    @Test
    void optionArgumentMayLookLikeAnOption() {
        CreateCommand c = new CreateCommand();
        assertTrue(parse(c, Getopts.OnBadOption.HELP, "-t", "-s", "web"));
        assertEquals("-s", c.template.get());
        assertNull(c.size.get());
    }

    @Test
    void parsingStopsAtFirstOperand() {
        ListCommand l = new ListCommand();
        assertTrue(parse(l, Getopts.OnBadOption.HELP, "-r"));
        assertTrue(l.runningOnly.isSet());
        DestroyCommand d = new DestroyCommand();
        assertTrue(parse(d, Getopts.OnBadOption.IGNORE, "web", "-f"));
        assertFalse(d.force.isSet());
        assertEquals(List.of("web", "-f"), d.names);
    }

    @Test
    void clustersAndDoubleDash() {
        ListCommand l = new ListCommand();
        assertTrue(parse(l, Getopts.OnBadOption.HELP, "-rv", "--"));
        assertTrue(l.runningOnly.isSet());
        assertTrue(l.verbose.isSet());
    }

    @Test
    void unknownOptionPrintsShDiagnostic() {
        assertFalse(parse(new ListCommand(), Getopts.OnBadOption.HELP, "-x"));
        assertEquals("Illegal option -x\n", err.toString());
    }

    @Test
    void missingArgumentPrintsShDiagnostic() {
        assertFalse(parse(new CreateCommand(), Getopts.OnBadOption.HELP, "-t"));
        assertEquals("No arg for -t option\n", err.toString());
    }

    @Test
    void sharedOptionLoopIgnoresUnknownLetters() {
        DestroyCommand d = new DestroyCommand();
        assertTrue(parse(d, Getopts.OnBadOption.IGNORE, "-xf", "web"));
        assertTrue(d.force.isSet());
        assertEquals(List.of("web"), d.names);
        assertEquals("Illegal option -x\n", err.toString());
    }

    @Test
    void commandsWithoutShortOptionsTakeDashWordsAsOperands() {
        RenameCommand r = new RenameCommand();
        assertTrue(parse(r, Getopts.OnBadOption.HELP, "-a", "b"));
        assertEquals(List.of("-a", "b"), r.names);
    }

    @Test
    void longFlagIsAcceptedBeforeOperands() {
        InfoCommand i = new InfoCommand();
        assertTrue(parse(i, Getopts.OnBadOption.HELP, "--json", "web"));
        assertTrue(i.json.isSet());
        assertEquals(List.of("web"), i.names);
    }

    /** Adding --json gave these commands an option, but no short one: other words parse as before. */
    @Test
    void jsonOnlyCommandsStillTakeOtherDashWordsAsOperands() {
        GetCommand g = new GetCommand();
        assertTrue(parse(g, Getopts.OnBadOption.HELP, "-x", "--json", "console"));
        assertFalse(g.json.isSet());
        assertEquals(List.of("-x", "--json", "console"), g.keys);
        SwitchCommand.Info info = new SwitchCommand.Info();
        assertTrue(parse(info, Getopts.OnBadOption.HELP, "--json", "-p", "lan"));
        assertTrue(info.json.isSet());
        assertEquals(List.of("-p", "lan"), info.args);
        assertEquals("", err.toString());
    }

    @Test
    void jsonBeforeTheOptionsOfAMediaListing() {
        IsoCommand iso = new IsoCommand();
        assertTrue(parse(iso, Getopts.OnBadOption.HELP, "--json", "-d", "media"));
        assertTrue(iso.json.isSet());
        assertEquals("media", iso.datastore.get());
        assertEquals(List.of(), iso.urls);
    }

    /**
     * CommandRunner skips the option model when there are no arguments: that is only right if
     * every command's operand list already starts empty, as applying no arguments would leave it.
     */
    @Test
    void everyCommandsOperandsStartEmptySoNoArgumentsNeedNoParse() {
        for (String name : CommandTree.names()) {
            CliCommand top = CommandTree.create(name);
            List<CliCommand> commands = new java.util.ArrayList<>();
            if (top != null) {
                commands.add(top);
            }
            if (top instanceof GroupCommand group) {
                group.subwords().forEach(sub -> commands.add(group.subcommand(sub)));
            }
            for (CliCommand command : commands) {
                String what = name + " " + command.getClass().getSimpleName() + " operands";
                CommandOptions.of(command).operands()
                        .ifPresent(operands -> assertEquals(List.of(), operands.getValue(), what));
            }
        }
    }
}
