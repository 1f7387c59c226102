namespace Lakehouse.Aws.Tests.Faults;

/// <summary>Stands for the process dying at a given step: not a LakehouseException, so nothing in the store handles it.</summary>
public sealed class SimulatedCrashException(string step) : Exception($"simulated crash at {step}");
