namespace Vendor.Shell.Settings;

/// <summary>
/// <c>shellsettings notify ...</c>: edits the notificationArea block of the
/// taskbar layout. Per-user icon placements chosen by dragging icons in the
/// shell are not stored here and are not affected.
/// </summary>
internal static class NotifySettings
{
    public static int Run(SettingsStore store, List<string> args)
    {
        if (args.Count == 0)
        {
            return Cli.Fail("notify needs a subcommand (show, promote, demote, overflow, clock)", Cli.ExitUsage);
        }

        var layout = store.Load();
        var area = layout.NotificationArea;
        var subcommand = args[0].ToLowerInvariant();
        var value = args.Count > 1 ? args[1] : null;

        switch (subcommand)
        {
            case "show":
                Console.WriteLine($"clock:     {(area.ShowClock ? "on" : "off")}");
                Console.WriteLine($"overflow:  {area.Overflow}");
                Console.WriteLine("promoted:");
                foreach (var appId in area.PromotedApps)
                {
                    Console.WriteLine($"  {appId}");
                }
                return Cli.ExitOk;

            case "promote":
                if (string.IsNullOrWhiteSpace(value))
                {
                    return Cli.Fail("promote needs <appId>", Cli.ExitUsage);
                }
                if (area.PromotedApps.Contains(value, StringComparer.OrdinalIgnoreCase))
                {
                    Console.WriteLine($"'{value}' is already promoted.");
                    return Cli.ExitOk;
                }
                area.PromotedApps.Add(value);
                break;

            case "demote":
                if (string.IsNullOrWhiteSpace(value))
                {
                    return Cli.Fail("demote needs <appId>", Cli.ExitUsage);
                }
                if (area.PromotedApps.RemoveAll(a => string.Equals(a, value, StringComparison.OrdinalIgnoreCase)) == 0)
                {
                    return Cli.Fail($"'{value}' is not promoted", Cli.ExitInvalid);
                }
                break;

            case "overflow":
                // Accept any casing on the command line but store the exact
                // spelling the shell expects.
                var mode = LayoutValues.OverflowModes.FirstOrDefault(
                    m => string.Equals(m, value, StringComparison.OrdinalIgnoreCase));
                if (mode is null)
                {
                    return Cli.Fail($"overflow must be one of {string.Join(", ", LayoutValues.OverflowModes)}", Cli.ExitUsage);
                }
                area.Overflow = mode;
                break;

            case "clock":
                switch (value?.ToLowerInvariant())
                {
                    case "on":
                        area.ShowClock = true;
                        break;
                    case "off":
                        area.ShowClock = false;
                        break;
                    default:
                        return Cli.Fail("clock must be on or off", Cli.ExitUsage);
                }
                break;

            default:
                return Cli.Fail($"unknown notify subcommand '{args[0]}'", Cli.ExitUsage);
        }

        return Cli.SaveIfValid(store, layout);
    }
}
