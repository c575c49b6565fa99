using System.CommandLine;
using System.Text;
using System.Text.Json;
using Sixgill.Config;
using Sixgill.Json;

namespace Sixgill.Cli.Commands;

/// <summary>
/// <c>sixgill schema</c>: the JSON Schema (draft 2020-12) of the config file, for editors. With the
/// YAML language server, a config's first line <c># yaml-language-server: $schema=PATH</c> points at it.
/// </summary>
internal static class SchemaCommand
{
    public static Command Create(GlobalOptions options)
    {
        var command = new Command("schema", "print the JSON Schema of the config file, for editors (draft 2020-12)");
        command.SetAction(result =>
        {
            var invocation = Invocation.From(result, options);
            invocation.Out.Write(Text());
            return ExitCodes.Done;
        });
        return command;
    }

    public static string Text()
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, ReadableJson.Options))
        {
            ConfigJsonSchema.Build().WriteTo(writer);
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }
}
