using Lakehouse.Functions.Billing;
using Lakehouse.Lambda.Hosting;

return await LambdaHost.RunAsync(BillingFunction.InitializeAsync, BillingJsonContext.Default.JsonElement, BillingJsonContext.Default.BillingSummary);
