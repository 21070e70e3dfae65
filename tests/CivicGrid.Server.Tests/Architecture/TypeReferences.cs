using Mono.Cecil;
using Mono.Cecil.Cil;

namespace CivicGrid.Server.Tests.Architecture;

/// <summary>Reads the compiled server assembly and lists, for every type, the types of the same assembly it uses:
/// base types, interfaces, members' signatures, attributes, locals and every type, method or field an instruction
/// names (lambdas and state machines count for the type that declares them).</summary>
public static class TypeReferences
{
    public sealed record Use(string FromType, string FromNamespace, string ToType, string ToNamespace);

    /// <param name="withOtherAssemblies">Also the uses of types outside the assembly (the DbContext, for example).</param>
    public static List<Use> Read(string assemblyPath, bool withOtherAssemblies = false)
    {
        using var module = ModuleDefinition.ReadModule(assemblyPath);
        var uses = new List<Use>();
        foreach (var type in module.GetTypes())
        {
            var owner = Outermost(type);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var used in Referenced(type))
            {
                var target = Outermost(used);
                if ((!withOtherAssemblies && target.Scope is not ModuleDefinition) || target.FullName == owner.FullName) continue;
                if (seen.Add(target.FullName)) uses.Add(new Use(owner.FullName, owner.Namespace, target.FullName, target.Namespace));
            }
        }
        return uses;
    }

    private static TypeReference Outermost(TypeReference type)
    {
        while (type is TypeSpecification spec) type = spec.ElementType;
        while (type.DeclaringType is not null) type = type.DeclaringType;
        return type;
    }

    private static IEnumerable<TypeReference> Referenced(TypeDefinition type)
    {
        if (type.BaseType is not null) foreach (var t in Expand(type.BaseType)) yield return t;
        foreach (var i in type.Interfaces) foreach (var t in Expand(i.InterfaceType)) yield return t;
        foreach (var t in Attributes(type.CustomAttributes)) yield return t;
        foreach (var field in type.Fields)
        {
            foreach (var t in Expand(field.FieldType)) yield return t;
            foreach (var t in Attributes(field.CustomAttributes)) yield return t;
        }
        foreach (var property in type.Properties)
        {
            foreach (var t in Expand(property.PropertyType)) yield return t;
            foreach (var t in Attributes(property.CustomAttributes)) yield return t;
        }
        foreach (var method in type.Methods)
        {
            foreach (var t in Signature(method)) yield return t;
            foreach (var t in Attributes(method.CustomAttributes)) yield return t;
            if (!method.HasBody) continue;
            foreach (var variable in method.Body.Variables) foreach (var t in Expand(variable.VariableType)) yield return t;
            foreach (var instruction in method.Body.Instructions)
            {
                foreach (var t in Operand(instruction)) yield return t;
            }
        }
    }

    private static IEnumerable<TypeReference> Operand(Instruction instruction) => instruction.Operand switch
    {
        TypeReference type => Expand(type),
        MethodReference method => Expand(method.DeclaringType).Concat(Signature(method))
            .Concat(method is GenericInstanceMethod g ? g.GenericArguments.SelectMany(Expand) : []),
        FieldReference field => Expand(field.DeclaringType).Concat(Expand(field.FieldType)),
        _ => [],
    };

    private static IEnumerable<TypeReference> Signature(MethodReference method) =>
        Expand(method.ReturnType).Concat(method.Parameters.SelectMany(p => Expand(p.ParameterType)));

    private static IEnumerable<TypeReference> Attributes(IEnumerable<CustomAttribute> attributes) =>
        attributes.SelectMany(a => Expand(a.AttributeType)
            .Concat(a.ConstructorArguments.Select(x => x.Value).OfType<TypeReference>().SelectMany(Expand)));

    private static IEnumerable<TypeReference> Expand(TypeReference? type)
    {
        if (type is null || type is GenericParameter) yield break;
        if (type is GenericInstanceType generic)
        {
            foreach (var t in Expand(generic.ElementType)) yield return t;
            foreach (var argument in generic.GenericArguments) foreach (var t in Expand(argument)) yield return t;
            yield break;
        }
        if (type is TypeSpecification spec)
        {
            foreach (var t in Expand(spec.ElementType)) yield return t;
            yield break;
        }
        yield return type;
    }
}
