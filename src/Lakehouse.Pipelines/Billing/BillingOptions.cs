namespace Lakehouse.Pipelines.Billing;

/// <summary>
/// Settings of the nightly billing job. <paramref name="LogPrefix"/> is the key prefix in the log bucket (may be empty);
/// during the first <paramref name="LateArrivalDays"/> days of a month the previous month's file is recomputed too, so
/// records that arrive late for the last days of a month still reach that month's file.
/// </summary>
public sealed record BillingOptions(string LogPrefix, BillingRates Rates, int LateArrivalDays = 3);
