export declare const requiredMajor: number;
/** The message refusing this Node, or null when it is supported. */
export declare function unsupportedNode(version?: string): string | null;
