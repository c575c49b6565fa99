using Sixgill.Steps.Text;

namespace Sixgill.Tests.Steps;

public sealed class LineEditTests
{
    [Fact]
    public void Sixgills_marks_are_found_without_a_record()
    {
        var found = LineEdit.FoundIn("a\nfd00:20::2 n1 # sixgill\n#sixgill# 127.0.1.1 n1\n# sixgill is great\n");

        found.Added.ShouldBe(["fd00:20::2 n1 # sixgill"]);
        found.Disabled.ShouldBe(["127.0.1.1 n1"]);
    }

    [Fact]
    public void Edits_compare_by_their_lines()
    {
        new LineEdit(["a # sixgill"], ["b"], false).ShouldBe(new LineEdit([.. "a # sixgill".Split('|')], ["b"], false));
        new LineEdit(["a # sixgill"], [], false).ShouldNotBe(new LineEdit(["a # sixgill"], [], true));
    }

    [Theory]
    [InlineData("", 0)]
    [InlineData("a", 1)]
    [InlineData("a\n", 1)]
    [InlineData("a\r\nb", 2)]
    [InlineData("\n\n", 2)]
    [InlineData("a\rb\n", 1)]
    public void Lines_split_and_join_back_to_the_same_text(string text, int count)
    {
        var lines = TextLines.Split(text);

        lines.Count.ShouldBe(count);
        TextLines.Join(lines).ShouldBe(text);
    }
}
