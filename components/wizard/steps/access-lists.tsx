"use client";

// The lists of the "Who may connect" step: namespace/pod groups (where
// clients run, policy peers) and CIDR blocks, one row each.
import { useFormContext, useWatch, type FieldPathByValue } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { TextField, fieldId } from "@/components/ui/field";
import { MAX_CIDRS, MAX_PEERS, type PodGroup, type Scenario } from "@/lib/scenario/schema";
import { ListFieldset, RemoveRowButton, useFocusAddedRow } from "../list-fieldset";

const SET_OPTIONS = { shouldDirty: true, shouldValidate: true } as const;
const EMPTY_GROUP: PodGroup = { namespace: "", namespaceLabels: "", podLabels: "" };

type GroupListName = FieldPathByValue<Scenario, PodGroup[]>;
type CidrListName = FieldPathByValue<Scenario, string[]>;

/** "The NLB's subnets" -> "the NLB's subnets": names such as NLB and CIDR keep their case. */
export function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** A list of namespace/pod groups (client groups or policy peers), one row of three fields each. */
export function GroupList({
  name,
  legend,
  what,
  item,
  namespaceHint,
}: {
  name: GroupListName;
  legend: string;
  what: string;
  /** "Client group" or "Peer": the row's name for labels. */
  item: string;
  namespaceHint: string;
}) {
  const { control, getValues, setValue } = useFormContext<Scenario>();
  const groups = useWatch({ control, name }) ?? [];
  const focusAdded = useFocusAddedRow(groups.length, (i) => fieldId(`${name}.${i}.namespace`));
  return (
    <ListFieldset name={name} legend={legend} help={what}>
      {groups.length > 0 && (
        <ol className="zone-list">
          {groups.map((_, i) => (
            // Inputs are bound to their index path, so the index is the identity.
            <li className="zone-item" key={i}>
              <div className="zone-item-head">
                <TextField
                  name={`${name}.${i}.namespace`}
                  label={`${item} ${i + 1}: namespace`}
                  placeholder={namespaceHint}
                  size="medium"
                />
                <RemoveRowButton
                  row={`${item.toLowerCase()} ${i + 1}`}
                  onClick={() =>
                    setValue(
                      name,
                      getValues(name).filter((__, j) => j !== i),
                      SET_OPTIONS,
                    )
                  }
                />
              </div>
              <TextField
                className="zone-item-host"
                name={`${name}.${i}.namespaceLabels`}
                label={`${item} ${i + 1}: namespace labels (optional)`}
                placeholder="team=payments"
              />
              <TextField
                name={`${name}.${i}.podLabels`}
                label={`${item} ${i + 1}: pod labels (optional)`}
                placeholder="app=orders-api"
              />
            </li>
          ))}
        </ol>
      )}
      <Button
        onClick={() => {
          focusAdded(groups.length);
          setValue(name, [...getValues(name), { ...EMPTY_GROUP }], SET_OPTIONS);
        }}
        disabled={groups.length >= MAX_PEERS}
      >
        Add {item.toLowerCase()}
      </Button>
    </ListFieldset>
  );
}

/** A list of CIDR blocks, one text field each. */
export function CidrList({
  name,
  legend,
  help,
  placeholder,
}: {
  name: CidrListName;
  legend: string;
  help: string;
  placeholder: string;
}) {
  const { control, getValues, setValue } = useFormContext<Scenario>();
  const cidrs = useWatch({ control, name }) ?? [];
  const focusAdded = useFocusAddedRow(cidrs.length, (i) => fieldId(`${name}.${i}`));
  return (
    <ListFieldset name={name} legend={legend} help={help}>
      {cidrs.length > 0 && (
        <ol className="zone-list">
          {cidrs.map((_, i) => (
            <li className="zone-item" key={i}>
              <div className="zone-item-head">
                <TextField
                  name={`${name}.${i}`}
                  label={
                    // Short on screen (the legend says which list); whole for screen readers.
                    <>
                      CIDR {i + 1}
                      <span className="visually-hidden">, {lowerFirst(legend)}</span>
                    </>
                  }
                  placeholder={placeholder}
                  size="medium"
                />
                <RemoveRowButton
                  row={`${lowerFirst(legend)} ${i + 1}`}
                  onClick={() =>
                    setValue(
                      name,
                      getValues(name).filter((__, j) => j !== i),
                      SET_OPTIONS,
                    )
                  }
                />
              </div>
            </li>
          ))}
        </ol>
      )}
      <Button
        onClick={() => {
          focusAdded(cidrs.length);
          setValue(name, [...getValues(name), ""], SET_OPTIONS);
        }}
        disabled={cidrs.length >= MAX_CIDRS}
      >
        Add a CIDR
      </Button>
    </ListFieldset>
  );
}
