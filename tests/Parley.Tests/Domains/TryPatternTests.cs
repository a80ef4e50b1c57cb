using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using Parley.Domains;

namespace Parley.Tests.Domains;

/// <summary>
/// Every public Try method of the library tells the compiler when its out value is set, with
/// [NotNullWhen(true)] on a nullable out parameter, rather than returning <c>null!</c> behind a
/// non-nullable type that a caller's null check would then be warned away from.
/// </summary>
public sealed class TryPatternTests
{
    public static TheoryData<string> TryMethodsWithReferenceOutParameters()
    {
        var data = new TheoryData<string>();
        foreach (var type in typeof(Domain).Assembly.GetExportedTypes())
        {
            foreach (var method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            {
                if (method.Name.StartsWith("Try", StringComparison.Ordinal) && method.ReturnType == typeof(bool)
                    && method.GetParameters().Any(p => p.IsOut && !p.ParameterType.GetElementType()!.IsValueType))
                {
                    data.Add($"{type.FullName}.{method.Name}({string.Join(", ", method.GetParameters().Select(p => p.ParameterType.Name))})");
                }
            }
        }

        return data;
    }

    [Fact]
    public void TryMethods_IncludeTheTwoTryCompletes() =>
        Enumerable.Count(TryMethodsWithReferenceOutParameters(), (object[] row) => ((string)row[0]).Contains(".TryComplete(", StringComparison.Ordinal)).ShouldBe(2);

    [Theory]
    [MemberData(nameof(TryMethodsWithReferenceOutParameters))]
    public void TryMethod_ReferenceOutParameter_IsNotNullWhenTrue(string signature)
    {
        var method = typeof(Domain).Assembly.GetExportedTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Single(m => $"{m.DeclaringType!.FullName}.{m.Name}({string.Join(", ", m.GetParameters().Select(p => p.ParameterType.Name))})" == signature);
        var context = new NullabilityInfoContext();

        foreach (var parameter in method.GetParameters().Where(p => p.IsOut && !p.ParameterType.GetElementType()!.IsValueType))
        {
            context.Create(parameter).WriteState.ShouldBe(NullabilityState.Nullable, $"{signature}: out {parameter.Name} should be nullable");
            parameter.GetCustomAttribute<NotNullWhenAttribute>().ShouldNotBeNull($"{signature}: out {parameter.Name} needs [NotNullWhen(true)]");
            parameter.GetCustomAttribute<NotNullWhenAttribute>()!.ReturnValue.ShouldBeTrue();
        }
    }
}
