/** A contact as the site's master-data record lists it. */
export interface SiteContact {
  name: string;
  role?: string;
  phone?: string;
  email?: string;
}
