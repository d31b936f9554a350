using Vendor.Shell.Settings;

return Cli.Run(args);

internal static class Cli
{
    private const int ExitOk = 0;
    private const int ExitUsage = 1;
    private const int ExitInvalid = 2;
    private const int ExitIo = 3;

    private const string Usage = """
        usage: shellsettings [--layout <file>] [--defaults <file>] <command> [arguments]

        commands:
          show [--verbose]                 print the effective taskbar layout
          pin <appId> <path> [--label <text>]
                                           pin an application to the taskbar
          unpin <appId>                    remove a pinned application
          set <setting> <value>            change a setting:
                                             edge          bottom | top | left | right
                                             grouping      always | never
                                             autohide      true | false
                                             smallbuttons  true | false
          validate [<file>]                check a layout file without changing it
          reset                            replace the user's layout with the default

        By default the user's layout lives in %LOCALAPPDATA%\Vendor\Shell\taskbar-layout.json.
        """;

    public static int Run(string[] args)
    {
        var arguments = new List<string>(args);
        var layoutPath = TakeOption(arguments, "--layout") ?? SettingsStore.DefaultUserLayoutPath;
        var defaultsPath = TakeOption(arguments, "--defaults") ?? SettingsStore.ShippedDefaultLayoutPath;

        if (arguments.Count == 0 || arguments[0] is "-h" or "--help" or "help")
        {
            Console.Out.WriteLine(Usage);
            return arguments.Count == 0 ? ExitUsage : ExitOk;
        }

        var store = new SettingsStore(layoutPath, defaultsPath);
        var command = arguments[0].ToLowerInvariant();
        var rest = arguments.Skip(1).ToList();

        try
        {
            return command switch
            {
                "show" => Show(store, rest),
                "pin" => Pin(store, rest),
                "unpin" => Unpin(store, rest),
                "set" => Set(store, rest),
                "validate" => ValidateFile(store, rest),
                "reset" => Reset(store),
                _ => Fail($"unknown command '{arguments[0]}'", ExitUsage),
            };
        }
        catch (SettingsException e)
        {
            return Fail(e.Message, ExitIo);
        }
    }

    private static int Show(SettingsStore store, List<string> rest)
    {
        var verbose = rest.Remove("--verbose");
        var layout = store.Load();

        Console.WriteLine($"source:        {(store.LoadedFromUserFile ? store.LayoutPath : "default layout")}");
        Console.WriteLine($"edge:          {layout.Edge}");
        Console.WriteLine($"grouping:      {layout.Grouping}");
        Console.WriteLine($"auto-hide:     {layout.AutoHide}");
        Console.WriteLine($"small buttons: {layout.SmallButtons}");
        Console.WriteLine("pinned:");
        foreach (var app in layout.Pinned)
        {
            Console.WriteLine($"  {app.AppId,-24} {app.Label ?? ""}");
            if (verbose)
            {
                Console.WriteLine($"  {"",-24} {app.Path}");
            }
        }

        if (verbose)
        {
            Console.WriteLine($"schema:        {layout.SchemaVersion}");
            Console.WriteLine($"promoted:      {string.Join(", ", layout.NotificationArea.PromotedApps)}");
            foreach (var issue in LayoutValidator.Validate(layout))
            {
                Console.WriteLine(issue);
            }
        }
        return ExitOk;
    }

    private static int Pin(SettingsStore store, List<string> rest)
    {
        var label = TakeOption(rest, "--label");
        if (rest.Count != 2)
        {
            return Fail("pin needs <appId> and <path>", ExitUsage);
        }

        var layout = store.Load();
        if (layout.Pinned.Any(p => p.AppId == rest[0]))
        {
            Console.WriteLine($"'{rest[0]}' is already pinned.");
            return ExitOk;
        }
        layout.Pinned.Add(new PinnedAppModel { AppId = rest[0], Path = rest[1], Label = label });
        return SaveIfValid(store, layout);
    }

    private static int Unpin(SettingsStore store, List<string> rest)
    {
        if (rest.Count != 1)
        {
            return Fail("unpin needs <appId>", ExitUsage);
        }

        var layout = store.Load();
        if (layout.Pinned.RemoveAll(p => p.AppId == rest[0]) == 0)
        {
            return Fail($"'{rest[0]}' is not pinned", ExitInvalid);
        }
        return SaveIfValid(store, layout);
    }

    private static int Set(SettingsStore store, List<string> rest)
    {
        if (rest.Count != 2)
        {
            return Fail("set needs <setting> and <value>", ExitUsage);
        }

        var layout = store.Load();
        var value = rest[1].ToLowerInvariant();
        switch (rest[0].ToLowerInvariant())
        {
            case "edge":
                layout.Edge = value;
                break;
            case "grouping":
                layout.Grouping = value;
                break;
            case "autohide":
                if (!bool.TryParse(value, out var autoHide))
                {
                    return Fail("autohide must be true or false", ExitUsage);
                }
                layout.AutoHide = autoHide;
                break;
            case "smallbuttons":
                if (!bool.TryParse(value, out var small))
                {
                    return Fail("smallbuttons must be true or false", ExitUsage);
                }
                layout.SmallButtons = small;
                break;
            default:
                return Fail($"unknown setting '{rest[0]}'", ExitUsage);
        }
        return SaveIfValid(store, layout);
    }

    private static int ValidateFile(SettingsStore store, List<string> rest)
    {
        var path = rest.Count > 0 ? rest[0] : store.LayoutPath;
        var layout = SettingsStore.Parse(ReadAll(path), path);
        var issues = LayoutValidator.Validate(layout);
        foreach (var issue in issues)
        {
            Console.WriteLine(issue);
        }

        var errors = issues.Count(i => i.Severity == IssueSeverity.Error);
        Console.WriteLine(errors == 0 ? $"{path}: OK" : $"{path}: {errors} error(s)");
        return errors == 0 ? ExitOk : ExitInvalid;
    }

    private static int Reset(SettingsStore store)
    {
        if (store.DefaultLayoutPath is null)
        {
            return Fail("no default layout found; pass --defaults <file>", ExitIo);
        }
        var layout = SettingsStore.Parse(ReadAll(store.DefaultLayoutPath), store.DefaultLayoutPath);
        store.Save(layout);
        Console.WriteLine($"Reset {store.LayoutPath} to the default layout.");
        return ExitOk;
    }

    private static int SaveIfValid(SettingsStore store, TaskbarLayoutModel layout)
    {
        var errors = LayoutValidator.Validate(layout).Where(i => i.Severity == IssueSeverity.Error).ToList();
        if (errors.Count > 0)
        {
            foreach (var error in errors)
            {
                Console.Error.WriteLine(error);
            }
            return Fail("layout not saved", ExitInvalid);
        }
        store.Save(layout);
        return ExitOk;
    }

    private static string ReadAll(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SettingsException($"Could not read '{path}': {e.Message}", e);
        }
    }

    /// <summary>Removes "--name value" from the list and returns the value.</summary>
    private static string? TakeOption(List<string> arguments, string name)
    {
        var index = arguments.IndexOf(name);
        if (index < 0 || index + 1 >= arguments.Count)
        {
            return null;
        }
        var value = arguments[index + 1];
        arguments.RemoveRange(index, 2);
        return value;
    }

    private static int Fail(string message, int exitCode)
    {
        Console.Error.WriteLine($"shellsettings: {message}");
        return exitCode;
    }
}
