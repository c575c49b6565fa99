using Sixgill.Steps.Text;
using Sixgill.Values;

namespace Sixgill.Tests.Steps;

public sealed class ResolvConfEditorTests
{
    private static readonly Ip Dns64 = Ip.Parse("fd00:10::100");

    [Fact]
    public void Inserts_the_nameserver_before_the_first_one_leaving_search_and_options_in_place()
    {
        var text = "# written by hand\nsearch lab.test\nnameserver 203.0.113.53\nnameserver 203.0.113.54\noptions edns0\n";

        var edited = ResolvConfEditor.EnsureFirstNameserver(text, Dns64);

        edited.Text.ShouldBe("# written by hand\nsearch lab.test\nnameserver fd00:10::100 # sixgill\nnameserver 203.0.113.53\nnameserver 203.0.113.54\noptions edns0\n");
        edited.Edit.RevertIn(edited.Text).Text.ShouldBe(text);
    }

    [Theory]
    [InlineData("nameserver fd00:10::100\n")]
    [InlineData("nameserver fd00:10:0:0::100 # the lab\nnameserver 203.0.113.53\n")]
    [InlineData("search x\nnameserver\tfd00:10::100\n")]
    public void Nothing_to_do_when_it_is_already_first(string text)
    {
        var edited = ResolvConfEditor.EnsureFirstNameserver(text, Dns64);

        edited.Edit.IsEmpty.ShouldBeTrue();
        edited.Text.ShouldBe(text);
    }

    [Fact]
    public void A_later_line_for_the_same_address_is_disabled()
    {
        var text = "nameserver 203.0.113.53\nnameserver fd00:10::100\n";

        var edited = ResolvConfEditor.EnsureFirstNameserver(text, Dns64);

        edited.Text.ShouldBe("nameserver fd00:10::100 # sixgill\nnameserver 203.0.113.53\n#sixgill# nameserver fd00:10::100\n");
        edited.Edit.RevertIn(edited.Text).Text.ShouldBe(text);
    }

    [Fact]
    public void Without_any_nameserver_the_line_is_appended()
    {
        var text = "search lab.test\noptions ndots:2";

        var edited = ResolvConfEditor.EnsureFirstNameserver(text, Dns64);

        edited.Text.ShouldBe("search lab.test\noptions ndots:2\nnameserver fd00:10::100 # sixgill\n");
        edited.Edit.RevertIn(edited.Text).Text.ShouldBe(text);
    }

    [Fact]
    public void An_empty_file_gets_one_line_and_is_empty_again_after_undo()
    {
        var edited = ResolvConfEditor.EnsureFirstNameserver("", Dns64);

        edited.Text.ShouldBe("nameserver fd00:10::100 # sixgill\n");
        edited.Edit.RevertIn(edited.Text).Text.ShouldBe("");
    }

    [Theory]
    [InlineData("# nameserver fd00:10::100\nnameserver 203.0.113.53\n")]
    [InlineData("; nameserver fd00:10::100\nnameserver 203.0.113.53\n")]
    [InlineData(" nameserver fd00:10::100\nnameserver 203.0.113.53\n")]
    [InlineData("nameservers fd00:10::100\nnameserver 203.0.113.53\n")]
    public void Lines_the_resolver_does_not_read_as_nameservers_are_not_nameservers(string text)
    {
        var edited = ResolvConfEditor.EnsureFirstNameserver(text, Dns64);

        edited.Edit.Disabled.ShouldBeEmpty();
        edited.Text.ShouldContain("\nnameserver fd00:10::100 # sixgill\nnameserver 203.0.113.53\n");
    }

    [Fact]
    public void A_file_with_CRLF_endings_comes_back_byte_for_byte()
    {
        var text = "search lab.test\r\nnameserver 203.0.113.53\r\n";

        var edited = ResolvConfEditor.EnsureFirstNameserver(text, Dns64);

        edited.Text.ShouldBe("search lab.test\r\nnameserver fd00:10::100 # sixgill\r\nnameserver 203.0.113.53\r\n");
        edited.Edit.RevertIn(edited.Text).Text.ShouldBe(text);
    }

    [Fact]
    public void Undo_keeps_a_nameserver_a_person_added_since()
    {
        var text = "nameserver 203.0.113.53\n";
        var edited = ResolvConfEditor.EnsureFirstNameserver(text, Dns64);

        var reverted = edited.Edit.RevertIn(edited.Text + "nameserver 203.0.113.99\n");

        reverted.Text.ShouldBe("nameserver 203.0.113.53\nnameserver 203.0.113.99\n");
    }

    [Fact]
    public void A_nameserver_with_an_unreadable_address_still_counts_as_the_first()
    {
        var edited = ResolvConfEditor.EnsureFirstNameserver("nameserver dns.example\n", Dns64);

        edited.Text.ShouldBe("nameserver fd00:10::100 # sixgill\nnameserver dns.example\n");
    }
}
