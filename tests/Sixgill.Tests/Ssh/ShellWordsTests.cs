using Sixgill.Ssh;

namespace Sixgill.Tests.Ssh;

public sealed class ShellWordsTests
{
    [Theory]
    [InlineData("/var/lib/sixgill/bin/sixgill", "/var/lib/sixgill/bin/sixgill")]
    [InlineData("--host", "--host")]
    [InlineData("a b", "'a b'")]
    [InlineData("it's", "'it'\\''s'")]
    [InlineData("$(reboot)", "'$(reboot)'")]
    [InlineData("", "''")]
    public void Every_word_reaches_the_remote_shell_as_one_word(string word, string quoted) => ShellWords.Quote(word).ShouldBe(quoted);
}
