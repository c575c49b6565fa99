using Sixgill.Config;
using static Sixgill.Config.DiagnosticCodes;

namespace Sixgill.Tests.Config;

public sealed class FileShapeTests
{
    private static readonly TestConfig Base = TestConfig.Ipv6;

    [Theory]
    [InlineData("")]
    [InlineData("\n\n")]
    [InlineData("# only a comment\n")]
    public void Empty_file_is_reported_at_the_start(string text) =>
        ConfigLoader.Load("config.yaml", text).ShouldFailOnlyWith(NotAMapping, new SourcePosition(1, 1));

    [Fact]
    public void Text_that_is_not_yaml_is_a_syntax_error_and_nothing_else()
    {
        var result = ConfigLoader.Load("config.yaml", "topology: [gw, {\nmgmt_net: \"unclosed\n");

        result.Errors.Select(e => e.Code).ShouldBe([YamlSyntax]);
        result.Diagnostics[0].Message.ShouldStartWith("YAML syntax:");
    }

    [Fact]
    public void A_list_at_the_root_is_not_a_config() =>
        ConfigLoader.Load("config.yaml", "- gw\n- w1\n").ShouldFailOnlyWith(NotAMapping, new SourcePosition(1, 1));

    [Fact]
    public void A_single_word_is_not_a_config() =>
        ConfigLoader.Load("config.yaml", "hello\n").ShouldFailOnlyWith(NotAMapping, new SourcePosition(1, 1));

    [Fact]
    public void A_tab_in_the_indentation_is_a_syntax_error_that_says_so()
    {
        var config = new TestConfig(Base.Text.Replace("    id: 3", "\tid: 3", StringComparison.Ordinal));

        var error = config.Load().Errors.ShouldHaveSingleItem();

        error.Code.ShouldBe(YamlSyntax);
        error.Position.ShouldBe(new SourcePosition(13, 1));
        error.Hint.ShouldBe("YAML indentation must use spaces, not tabs");
    }

    [Fact]
    public void Duplicate_key_is_reported_at_the_second_one_naming_the_first()
    {
        var config = Base.InsertAfter("id: 3", "id: 4");

        var error = config.Load().ShouldFailOnlyWith(DuplicateKey, new SourcePosition(14, 5));
        error.Message.ShouldContain("line 13");
    }

    [Fact]
    public void Dash_and_underscore_spellings_of_one_key_are_duplicates()
    {
        var config = Base.InsertAfter("node_size: 80", "node-size: 80");

        config.Load().ShouldFailOnlyWith(DuplicateKey, config.At("node-size: 80", "node-size"));
    }

    [Fact]
    public void Dash_spelling_of_a_key_is_accepted() =>
        Base.Replace("node_size: 80", "node-size: 80").Load().ShouldPass();

    [Fact]
    public void Unknown_key_is_reported_with_the_nearest_known_one()
    {
        var config = Base.InsertAfter("mode: ipv6", "insecur: true");

        var error = config.Load().ShouldFailOnlyWith(UnknownKey, new SourcePosition(3, 3));
        error.Hint.ShouldBe("did you mean \"insecure\"?");
    }

    [Fact]
    public void Unknown_section_is_reported_with_the_nearest_known_one()
    {
        var config = Base.Replace("mgmt_net:", "mgmt_nett:").Append("mgmt_net:\n  cidr: \"fd00:20::/64\"\n");

        var error = config.Load().ShouldFailOnlyWith(UnknownKey, config.At("mgmt_nett:", "mgmt_nett"));
        error.Hint.ShouldBe("did you mean \"mgmt_net\"?");
    }

    [Fact]
    public void Id_written_as_a_word_is_reported_at_the_value()
    {
        var error = Base.Replace("id: 3", "id: three").Load().ShouldFailOnlyWith(WrongType, new SourcePosition(13, 9));
        error.Message.ShouldContain("topology.w1.id must be a whole number");
    }

    [Fact]
    public void Id_beyond_any_integer_is_reported_as_too_large() =>
        Base.Replace("id: 3", "id: 99999999999").Load().ShouldFailOnlyWith(WrongType, new SourcePosition(13, 9))
            .Message.ShouldBe("topology.w1.id is 99999999999, beyond what any setting here can hold");

    [Fact]
    public void A_list_where_a_value_belongs_is_reported_once_not_also_as_missing()
    {
        var config = Base.Replace("id: 3", "id: [3]");

        config.Load().ShouldFailOnlyWith(WrongType, config.At("id: [3]", "["));
    }

    [Fact]
    public void A_section_that_is_not_a_mapping_is_reported_once()
    {
        var config = Base.Remove("cidr: \"fd00:20::/64\"").Replace("mgmt_net:", "mgmt_net: fd00:20::/64");

        config.Load().ShouldFailOnlyWith(WrongType, config.At("mgmt_net: fd00:20::/64", "fd00"));
    }

    [Fact]
    public void A_boolean_must_be_true_or_false() =>
        Base.InsertAfter("mode: ipv6", "insecure: yes").Load().ShouldFailOnlyWith(WrongType, new SourcePosition(3, 13));

    [Fact]
    public void Every_mistake_is_reported_in_one_run_sorted_by_position()
    {
        var config = Base
            .Replace("mode: ipv6", "mode: ipv7")
            .Replace("id: 3", "id: three")
            .Replace("cidr: \"fd00:20::/64\"", "cidr: \"fd00:20::5/64\"")
            .InsertAfter("v4_ip: \"198.51.100.2\"", "imag: x")
            .Replace("ip: \"fd00:10::100\"", "ip: \"fd00:99::100\"");

        var result = config.Load();

        result.Errors.Select(e => e.Code).ShouldBe([InvalidChoice, WrongType, HostBitsSet, UnknownKey, ServiceAddressOutside]);
        result.Diagnostics.Select(d => d.Position).ShouldBeInOrder();
        result.Cluster.ShouldBeNull();
    }

    [Fact]
    public void Diagnostics_format_as_file_line_column_code_message_and_hint()
    {
        var result = Base.Replace("id: 3", "id: three").Load();

        result.Lines.ShouldBe([
            "config.yaml:13:9: error SG005: topology.w1.id must be a whole number, not \"three\" (write it in digits, like 3)",
        ]);
    }
}
