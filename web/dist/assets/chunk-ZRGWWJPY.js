import{a,b,c}from"./chunk-4B4VOFXB.js";import"./chunk-5U4YUOT6.js";import"./chunk-ISHF6ZTO.js";export{c as CreateCustomer,b as Customers,a as noteOnCustomers};
