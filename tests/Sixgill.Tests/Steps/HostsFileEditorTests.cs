using Sixgill.Steps.Text;
using Sixgill.Values;

namespace Sixgill.Tests.Steps;

public sealed class HostsFileEditorTests
{
    private static readonly HostsEntry[] Lab =
    [
        new(Ip.Parse("fd00:20::2"), "n1"),
        new(Ip.Parse("fd00:20::3"), "n2"),
    ];

    private const string Debian = "127.0.0.1\tlocalhost\n127.0.1.1\tn1\n\n# The following lines are desirable for IPv6 capable hosts\n::1     localhost ip6-localhost ip6-loopback\nff02::1 ip6-allnodes\n";

    [Fact]
    public void Adds_a_marked_line_per_name_and_disables_a_line_mapping_a_name_elsewhere()
    {
        var edited = HostsFileEditor.Ensure(Debian, Lab);

        edited.Text.ShouldBe("127.0.0.1\tlocalhost\n#sixgill# 127.0.1.1\tn1\n\n# The following lines are desirable for IPv6 capable hosts\n::1     localhost ip6-localhost ip6-loopback\nff02::1 ip6-allnodes\nfd00:20::2 n1 # sixgill\nfd00:20::3 n2 # sixgill\n");
        edited.Edit.Added.ShouldBe(["fd00:20::2 n1 # sixgill", "fd00:20::3 n2 # sixgill"]);
        edited.Edit.Disabled.ShouldBe(["127.0.1.1\tn1"]);
    }

    [Fact]
    public void Undo_gives_back_the_file_byte_for_byte()
    {
        var edited = HostsFileEditor.Ensure(Debian, Lab);

        var reverted = edited.Edit.RevertIn(edited.Text);

        reverted.Text.ShouldBe(Debian);
        reverted.NotFound.ShouldBeEmpty();
    }

    [Fact]
    public void Running_twice_changes_nothing_the_second_time()
    {
        var once = HostsFileEditor.Ensure(Debian, Lab);

        var twice = HostsFileEditor.Ensure(once.Text, Lab);

        twice.Edit.IsEmpty.ShouldBeTrue();
        twice.Text.ShouldBe(once.Text);
    }

    [Theory]
    [InlineData("10.0.0.9 gw2\n")]
    [InlineData("10.0.0.9 gw.lab\n")]
    [InlineData("10.0.0.9 xgw\n")]
    [InlineData("10.0.0.9 gw-old\n")]
    [InlineData("10.0.0.9 agw gw2 gw_\n")]
    public void Names_match_whole_fields_never_substrings(string text)
    {
        var edited = HostsFileEditor.Ensure(text, [new HostsEntry(Ip.Parse("fd00:20::1"), "gw")]);

        edited.Edit.Disabled.ShouldBeEmpty();
        edited.Text.ShouldBe(text + "fd00:20::1 gw # sixgill\n");
    }

    [Fact]
    public void A_longer_name_of_ours_does_not_claim_a_shorter_one()
    {
        var edited = HostsFileEditor.Ensure("10.0.0.9 gw\n", [new HostsEntry(Ip.Parse("fd00:20::1"), "gw2")]);

        edited.Edit.Disabled.ShouldBeEmpty();
    }

    [Fact]
    public void Names_compare_without_case_like_the_resolver()
    {
        var edited = HostsFileEditor.Ensure("10.0.0.9 N1\n", Lab);

        edited.Edit.Disabled.ShouldBe(["10.0.0.9 N1"]);
    }

    [Fact]
    public void A_correct_line_a_person_wrote_is_used_not_duplicated()
    {
        var text = "fd00:20:0:0::2   n1 # mine\nfd00:20::3 n2\n";

        var edited = HostsFileEditor.Ensure(text, Lab);

        edited.Edit.IsEmpty.ShouldBeTrue();
        edited.Text.ShouldBe(text);
    }

    [Fact]
    public void Comments_are_not_mappings_but_a_mapping_with_a_trailing_comment_is()
    {
        var text = "# 10.0.0.1 n1\n#10.0.0.1 n2\n10.0.0.5 n2 # old n2\n";

        var edited = HostsFileEditor.Ensure(text, Lab);

        edited.Edit.Disabled.ShouldBe(["10.0.0.5 n2 # old n2"]);
        edited.Text.ShouldStartWith("# 10.0.0.1 n1\n#10.0.0.1 n2\n#sixgill# 10.0.0.5 n2 # old n2\n");
    }

    [Fact]
    public void A_disabled_line_keeps_its_other_names_in_a_replacement_line_right_after_it()
    {
        var text = "127.0.0.1 localhost n1 localhost.localdomain\n::1 localhost\n";

        var edited = HostsFileEditor.Ensure(text, Lab);

        edited.Text.ShouldBe("#sixgill# 127.0.0.1 localhost n1 localhost.localdomain\n127.0.0.1 localhost localhost.localdomain # sixgill\n::1 localhost\nfd00:20::2 n1 # sixgill\nfd00:20::3 n2 # sixgill\n");
        edited.Edit.RevertIn(edited.Text).Text.ShouldBe(text);
    }

    [Fact]
    public void A_zoned_address_for_a_name_is_another_address()
    {
        var edited = HostsFileEditor.Ensure("fe80::1%eth0 n1\n", Lab);

        edited.Edit.Disabled.ShouldBe(["fe80::1%eth0 n1"]);
    }

    [Fact]
    public void A_line_with_an_unreadable_address_for_a_name_is_disabled()
    {
        var edited = HostsFileEditor.Ensure("not-an-ip n1\n", Lab);

        edited.Edit.Disabled.ShouldBe(["not-an-ip n1"]);
    }

    [Fact]
    public void A_line_covering_one_family_leaves_the_other_to_add_in_dual_stack()
    {
        HostsEntry[] dual = [new(Ip.Parse("fd00:20::2"), "n1"), new(Ip.Parse("10.20.0.2"), "n1")];

        var edited = HostsFileEditor.Ensure("fd00:20::2 n1\n10.9.9.9 n1\n", dual);

        edited.Edit.Added.ShouldBe(["10.20.0.2 n1 # sixgill"]);
        edited.Edit.Disabled.ShouldBe(["10.9.9.9 n1"]);
    }

    [Fact]
    public void Tabs_and_runs_of_spaces_separate_fields()
    {
        var edited = HostsFileEditor.Ensure("10.0.0.1\t \tn2   \t\n", Lab);

        edited.Edit.Disabled.ShouldBe(["10.0.0.1\t \tn2   \t"]);
    }

    [Fact]
    public void A_file_with_CRLF_endings_gets_CRLF_lines_and_comes_back_byte_for_byte()
    {
        var text = "127.0.0.1 localhost\r\n127.0.1.1 n1\r\n";

        var edited = HostsFileEditor.Ensure(text, Lab);

        edited.Text.ShouldBe("127.0.0.1 localhost\r\n#sixgill# 127.0.1.1 n1\r\nfd00:20::2 n1 # sixgill\r\nfd00:20::3 n2 # sixgill\r\n");
        edited.Edit.RevertIn(edited.Text).Text.ShouldBe(text);
    }

    [Fact]
    public void A_file_without_final_newline_gets_one_and_loses_it_again_on_undo()
    {
        var text = "127.0.0.1 localhost";

        var edited = HostsFileEditor.Ensure(text, Lab);

        edited.Text.ShouldBe("127.0.0.1 localhost\nfd00:20::2 n1 # sixgill\nfd00:20::3 n2 # sixgill\n");
        edited.Edit.AddedFinalNewline.ShouldBeTrue();
        edited.Edit.RevertIn(edited.Text).Text.ShouldBe(text);
    }

    [Fact]
    public void A_disabled_last_line_without_newline_stays_without_one()
    {
        var text = "127.0.0.1 localhost\n127.0.1.1 n1";

        var edited = HostsFileEditor.Ensure(text, Lab);

        edited.Text.ShouldBe("127.0.0.1 localhost\n#sixgill# 127.0.1.1 n1\nfd00:20::2 n1 # sixgill\nfd00:20::3 n2 # sixgill\n");
        edited.Edit.RevertIn(edited.Text).Text.ShouldBe(text);
    }

    [Fact]
    public void An_empty_file_gets_the_lines_and_is_empty_again_after_undo()
    {
        var edited = HostsFileEditor.Ensure("", Lab);

        edited.Text.ShouldBe("fd00:20::2 n1 # sixgill\nfd00:20::3 n2 # sixgill\n");
        edited.Edit.RevertIn(edited.Text).Text.ShouldBe("");
    }

    [Fact]
    public void Undo_leaves_every_change_a_person_made_since()
    {
        var edited = HostsFileEditor.Ensure(Debian, Lab);
        var touched = edited.Text
            .Replace("ff02::1 ip6-allnodes\n", "ff02::1 ip6-allnodes\nff02::2 ip6-allrouters\n", StringComparison.Ordinal)
            .Replace("127.0.0.1\tlocalhost", "127.0.0.1\tlocalhost box", StringComparison.Ordinal)
            + "10.1.1.1 printer\n";

        var reverted = edited.Edit.RevertIn(touched);

        reverted.Text.ShouldBe(Debian
            .Replace("ff02::1 ip6-allnodes\n", "ff02::1 ip6-allnodes\nff02::2 ip6-allrouters\n", StringComparison.Ordinal)
            .Replace("127.0.0.1\tlocalhost", "127.0.0.1\tlocalhost box", StringComparison.Ordinal)
            + "10.1.1.1 printer\n");
        reverted.NotFound.ShouldBeEmpty();
    }

    [Fact]
    public void Undo_leaves_a_line_of_ours_a_person_edited_and_says_so()
    {
        var edited = HostsFileEditor.Ensure(Debian, Lab);
        var touched = edited.Text
            .Replace("fd00:20::3 n2 # sixgill", "fd00:20::33 n2 # sixgill", StringComparison.Ordinal)
            .Replace("#sixgill# 127.0.1.1\tn1", "#sixgill# 127.0.1.1\tn1 n1.lab", StringComparison.Ordinal);

        var reverted = edited.Edit.RevertIn(touched);

        reverted.Text.ShouldContain("fd00:20::33 n2 # sixgill");
        reverted.Text.ShouldContain("#sixgill# 127.0.1.1\tn1 n1.lab");
        reverted.Text.ShouldNotContain("fd00:20::2 n1");
        reverted.NotFound.ShouldBe(["fd00:20::3 n2 # sixgill", "#sixgill# 127.0.1.1\tn1"]);
    }

    [Fact]
    public void When_a_person_wrote_after_our_lines_the_newline_we_added_stays_theirs()
    {
        var edited = HostsFileEditor.Ensure("127.0.0.1 localhost", Lab);

        var reverted = edited.Edit.RevertIn(edited.Text + "10.1.1.1 printer");

        reverted.Text.ShouldBe("127.0.0.1 localhost\n10.1.1.1 printer");
    }

    [Fact]
    public void Undo_twice_changes_nothing_the_second_time()
    {
        var edited = HostsFileEditor.Ensure(Debian, Lab);
        var once = edited.Edit.RevertIn(edited.Text).Text;

        var twice = edited.Edit.RevertIn(once);

        twice.Text.ShouldBe(Debian);
        twice.NotFound.Length.ShouldBe(3);
    }

    [Fact]
    public void A_duplicate_mapping_is_written_once()
    {
        var edited = HostsFileEditor.Ensure("", [.. Lab, new HostsEntry(Ip.Parse("fd00:20::2"), "N1")]);

        edited.Edit.Added.ShouldBe(["fd00:20::2 n1 # sixgill", "fd00:20::3 n2 # sixgill"]);
    }

    [Fact]
    public void Bytes_outside_ascii_survive_the_round_trip()
    {
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF, (byte)'#', (byte)' ', 0xC3, 0xA9, 0xFF, (byte)'\n', (byte)'1', (byte)'.', (byte)'2', (byte)'.', (byte)'3', (byte)'.', (byte)'4', (byte)' ', (byte)'n', (byte)'1', (byte)'\n' };
        var text = FileText.Decode(bytes);

        var edited = HostsFileEditor.Ensure(text, Lab);

        FileText.Encode(edited.Edit.RevertIn(edited.Text).Text).ShouldBe(bytes);
    }
}
