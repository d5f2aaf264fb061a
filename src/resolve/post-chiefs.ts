// Who signs a post's cables: the signature line's surname is the full name that classifies the post's cables.

/**
 * The full names that classify a post's cables ("Classified By: Ambassador Deborah K. Jones"), by
 * post and surname: a cable signed "JONES" at the end, from that post, is that Jones (the chief of
 * mission or the chargé who sends its cables), not the best-known Jones of the corpus (the National
 * Security Advisor). Fed with every cable (`add`), then read (`signer`).
 */
export class PostChiefs {
  /** `post|surname` → the full-name keys that classified the post's cables (two are ambiguous: none). */
  private readonly chiefs = new Map<string, Set<string>>();

  /** One cable's post and the full-name key (normalized, two words or more) of who classified it. */
  add(post: string | undefined, classifier: string | undefined): void {
    if (!post || !classifier || !classifier.includes(' ')) return;
    const at = `${post}|${classifier.slice(classifier.lastIndexOf(' ') + 1)}`;
    let keys = this.chiefs.get(at);
    if (!keys) this.chiefs.set(at, (keys = new Set()));
    keys.add(classifier);
  }

  /**
   * The full-name key a lone surname (`key`) stands for in a cable of `post` signed by `signer` (the
   * signature's last word, lower case), when it is the signer's surname and one full name of that
   * surname classifies the post's cables.
   */
  signer(post: string, signer: string, key: string): string | undefined {
    if (!post || signer !== key) return undefined;
    const keys = this.chiefs.get(`${post}|${key}`);
    return keys?.size === 1 ? keys.values().next().value : undefined;
  }
}
