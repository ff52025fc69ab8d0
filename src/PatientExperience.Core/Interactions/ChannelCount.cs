namespace PatientExperience.Core.Interactions;

/// <summary>How many contacts went through one channel.</summary>
public sealed record ChannelCount(InteractionChannel Channel, int Count);
