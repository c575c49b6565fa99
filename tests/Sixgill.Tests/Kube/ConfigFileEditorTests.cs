using Sixgill.Kube;

namespace Sixgill.Tests.Kube;

public sealed class ConfigFileEditorTests
{
    private const string Token = "k7q2zp.x0e4vbn8m1r5t9wy";

    private const string Hash = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    private const string OtherHash = "fedcba9876543210fedcba9876543210fedcba9876543210fedcba9876543210";

    private static string Data(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Kube", "ConfigEdits", name));

    private static string Set(string text) => ConfigFileEditor.SetToken(text, Token, Hash);

    [Theory]
    [InlineData("orca")]
    [InlineData("lab")]
    [InlineData("dual-stack")]
    public void Init_writes_token_and_hash_as_the_golden_file_shows(string example)
    {
        Set(Data($"{example}.yaml")).ShouldBe(Data($"{example}.expected.yaml"));
    }

    [Theory]
    [InlineData("orca")]
    [InlineData("lab")]
    [InlineData("dual-stack")]
    public void Running_it_twice_with_the_same_values_changes_nothing(string example)
    {
        var once = Set(Data($"{example}.yaml"));

        Set(once).ShouldBe(once);
    }

    [Theory]
    [InlineData("orca", 1)]
    [InlineData("lab", 0)]
    [InlineData("dual-stack", 2)]
    [InlineData("orca.expected", 0)]
    public void Every_line_but_the_changed_ones_stays_byte_for_byte(string example, int replacedLines)
    {
        var before = Data($"{example}.yaml");
        var after = Set(before);

        // The editor only replaces token lines in place or inserts new ones, so one walk in step tells.
        var original = before.Split('\n');
        var edited = after.Split('\n');
        var inserted = edited.Length - original.Length;
        var changed = SurvivingLineCheck(original, edited);
        changed.Replaced.ShouldBe(replacedLines);
        changed.Inserted.ShouldBe(inserted);
    }

    [Fact]
    public void Orca_form_keeps_its_top_level_token_and_gets_the_hash_in_a_general_section_below_it()
    {
        var after = Set("plugin: bridge\ntoken: \"<provide>\"\ntopology:\n    a:\n        id: 2\n");

        after.ShouldBe($"plugin: bridge\ntoken: \"{Token}\"\ngeneral:\n    token_cert_hash: \"{Hash}\"\ntopology:\n    a:\n        id: 2\n");
    }

    [Fact]
    public void A_file_without_token_or_general_gets_a_general_section_before_its_first_key_after_the_header_comment()
    {
        var after = Set("# my lab\n\nplugin: bridge\ntopology:\n  a:\n    id: 2\n");

        after.ShouldBe($"# my lab\n\ngeneral:\n  token: \"{Token}\"\n  token_cert_hash: \"{Hash}\"\nplugin: bridge\ntopology:\n  a:\n    id: 2\n");
    }

    [Fact]
    public void A_comment_after_a_replaced_value_is_kept()
    {
        var after = Set("general:\n  token: \"abcdef.0123456789abcdef\"   # from init\n  token_cert_hash: 'abc'  # pin\n  mode: ipv6\n");

        after.ShouldBe($"general:\n  token: \"{Token}\"   # from init\n  token_cert_hash: \"{Hash}\"  # pin\n  mode: ipv6\n");
    }

    [Fact]
    public void Plain_and_single_quoted_values_that_already_match_are_left_as_written()
    {
        var text = $"general:\n  token: {Token}\n  token_cert_hash: '{Hash}'\n";

        Set(text).ShouldBe(text);
    }

    [Fact]
    public void An_empty_value_is_filled_and_a_comment_after_it_kept()
    {
        var after = Set("general:\n  token: # fill me\n  token_cert_hash:\n");

        after.ShouldBe($"general:\n  token: \"{Token}\" # fill me\n  token_cert_hash: \"{Hash}\"\n");
    }

    [Fact]
    public void The_dashed_spelling_of_the_hash_key_is_kept()
    {
        var after = Set("general:\n  token-cert-hash: \"old\"\n  mode: ipv6\n");

        after.ShouldBe($"general:\n  token: \"{Token}\"\n  token-cert-hash: \"{Hash}\"\n  mode: ipv6\n");
    }

    [Fact]
    public void A_missing_hash_goes_right_after_the_token_at_the_sections_indentation()
    {
        var after = Set("general:\n    mode: ipv6\n    token: \"x\"\n    plugin: ptp\n\n# nodes\ntopology: {}\n");

        after.ShouldBe($"general:\n    mode: ipv6\n    token: \"{Token}\"\n    token_cert_hash: \"{Hash}\"\n    plugin: ptp\n\n# nodes\ntopology: {{}}\n");
    }

    [Fact]
    public void New_entries_go_after_the_sections_last_entry_not_after_the_comments_that_lead_to_the_next_section()
    {
        var after = Set("general:\n  mode: ipv6\n\n# the nodes\ntopology:\n  a:\n    id: 2\n");

        after.ShouldBe($"general:\n  mode: ipv6\n  token: \"{Token}\"\n  token_cert_hash: \"{Hash}\"\n\n# the nodes\ntopology:\n  a:\n    id: 2\n");
    }

    [Fact]
    public void An_empty_general_section_gets_entries_at_the_files_indentation()
    {
        var after = Set("general:\ntopology:\n   a:\n      id: 2\n");

        after.ShouldBe($"general:\n   token: \"{Token}\"\n   token_cert_hash: \"{Hash}\"\ntopology:\n   a:\n      id: 2\n");
    }

    [Fact]
    public void A_token_both_at_the_top_and_in_general_is_updated_in_both_places()
    {
        var after = Set("token: \"a\"\ngeneral:\n  token: \"a\"\n");

        after.ShouldBe($"token: \"{Token}\"\ngeneral:\n  token: \"{Token}\"\n  token_cert_hash: \"{Hash}\"\n");
    }

    [Fact]
    public void A_top_level_token_and_a_general_section_keep_the_token_on_top_and_the_hash_in_general()
    {
        var after = Set("token: \"<provide>\"\ngeneral:\n  mode: ipv6\n");

        after.ShouldBe($"token: \"{Token}\"\ngeneral:\n  mode: ipv6\n  token_cert_hash: \"{Hash}\"\n");
    }

    [Fact]
    public void Crlf_line_ends_are_kept_and_used_for_new_lines()
    {
        var after = Set("# lab\r\ngeneral:\r\n  mode: ipv6\r\ntopology:\r\n  a:\r\n    id: 2\r\n");

        after.ShouldBe($"# lab\r\ngeneral:\r\n  mode: ipv6\r\n  token: \"{Token}\"\r\n  token_cert_hash: \"{Hash}\"\r\ntopology:\r\n  a:\r\n    id: 2\r\n");
    }

    [Fact]
    public void A_file_without_a_final_line_end_still_ends_without_one()
    {
        Set("general:\n  mode: ipv6").ShouldBe($"general:\n  mode: ipv6\n  token: \"{Token}\"\n  token_cert_hash: \"{Hash}\"");
        Set("general:\n  token: \"x\"").ShouldBe($"general:\n  token: \"{Token}\"\n  token_cert_hash: \"{Hash}\"");
    }

    [Fact]
    public void A_byte_order_mark_stays_in_front()
    {
        var after = Set("\uFEFFplugin: bridge\n");

        after.ShouldBe($"\uFEFFgeneral:\n  token: \"{Token}\"\n  token_cert_hash: \"{Hash}\"\nplugin: bridge\n");
    }

    [Fact]
    public void Keys_that_merely_start_like_token_are_not_touched()
    {
        var after = Set("general:\n  tokens: 1\n  token_x: 2\n");

        after.ShouldBe($"general:\n  tokens: 1\n  token_x: 2\n  token: \"{Token}\"\n  token_cert_hash: \"{Hash}\"\n");
    }

    [Fact]
    public void A_token_nested_deeper_than_general_is_not_the_setting()
    {
        var after = Set("general:\n  mode: ipv6\ntopology:\n  token:\n    id: 2\n");

        after.ShouldBe($"general:\n  mode: ipv6\n  token: \"{Token}\"\n  token_cert_hash: \"{Hash}\"\ntopology:\n  token:\n    id: 2\n");
    }

    [Fact]
    public void A_new_hash_replaces_the_old_one_on_a_second_init_with_force()
    {
        var first = Set(Data("lab.yaml"));

        var second = ConfigFileEditor.SetToken(first, Token, OtherHash);

        second.ShouldBe(first.Replace(Hash, OtherHash, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("general: {mode: ipv6}\n", "line 1")]
    [InlineData("general:\n  token: |\n    abc\n", "line 2")]
    [InlineData("general:\n  token: &t \"x\"\n", "line 2")]
    [InlineData("general:\n  token: \"abc\n    def\"\n", "line 2")]
    [InlineData("token:\n  nested: 1\n", "line 1")]
    public void Forms_it_cannot_edit_line_by_line_are_refused_naming_the_line(string text, string where)
    {
        var error = Should.Throw<NotSupportedException>(() => Set(text));

        error.Message.ShouldContain(where);
        error.Message.ShouldNotContain(Token);
    }

    [Fact]
    public void Malformed_values_are_refused_without_echoing_them()
    {
        var token = Should.Throw<ArgumentException>(() => ConfigFileEditor.SetToken("", "abcdef.0123456789ABCDEF", Hash));
        token.Message.ShouldNotContain("0123456789ABCDEF");
        Should.Throw<ArgumentException>(() => ConfigFileEditor.SetToken("", Token, Hash.ToUpperInvariant()));
        Should.Throw<ArgumentException>(() => ConfigFileEditor.SetToken("", Token, Hash[1..]));
    }

    [Fact]
    public void The_result_loads_as_yaml_with_both_settings()
    {
        foreach (var example in new[] { "orca", "lab", "dual-stack" })
        {
            var document = Yaml.Documents(Set(Data($"{example}.yaml"))).Single();

            var token = document.Find("token") ?? document.Find("general", "token");
            ((YamlDotNet.RepresentationModel.YamlScalarNode)token!).Value.ShouldBe(Token);
            document.Text("general", "token_cert_hash").ShouldBe(Hash);
        }
    }

    /// <summary>Walks both files in step: an original line is either kept verbatim, replaced in place, or new lines come before it.</summary>
    private static (int Replaced, int Inserted) SurvivingLineCheck(string[] original, string[] edited)
    {
        var replaced = 0;
        var inserted = 0;
        var o = 0;
        for (var e = 0; e < edited.Length; e++)
        {
            if (o < original.Length && edited[e] == original[o])
            {
                o++;
            }
            else if (o < original.Length && IsTokenLine(edited[e]) && IsTokenLine(original[o]))
            {
                replaced++;
                o++;
            }
            else
            {
                IsTokenLine(edited[e]).ShouldBeTrue($"only token lines are new, not '{edited[e]}'");
                inserted++;
            }
        }

        o.ShouldBe(original.Length, "every original line is still there, in order");
        return (replaced, inserted);
    }

    private static bool IsTokenLine(string line) =>
        line.TrimStart().StartsWith("token", StringComparison.Ordinal) || line == "general:";
}
