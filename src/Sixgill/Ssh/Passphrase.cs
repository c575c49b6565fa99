using System.Text;

namespace Sixgill.Ssh;

/// <summary>Asks for a key's passphrase on the terminal, without echo; null when there is no terminal.</summary>
internal static class Passphrase
{
    public static string? Ask(string keyPath)
    {
        if (Console.IsInputRedirected || Console.IsErrorRedirected)
        {
            return null;
        }

        Console.Error.Write($"Enter passphrase for key '{keyPath}': ");
        var typed = new StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
            {
                break;
            }

            if (key.Key == ConsoleKey.Backspace)
            {
                if (typed.Length > 0)
                {
                    typed.Length--;
                }

                continue;
            }

            typed.Append(key.KeyChar);
        }

        Console.Error.WriteLine();
        return typed.ToString();
    }
}
